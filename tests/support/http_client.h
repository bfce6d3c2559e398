// A minimal blocking HTTP/1.1 client for tests, over loopback only. It sends
// exactly the bytes it is given, so tests can send malformed requests too.
// Not thread-safe; use one per thread.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace pillarbox::testing {

struct HttpResponse {
  int status = 0;  // 0 when no complete response arrived
  std::map<std::string, std::string> headers;  // names lowercased
  std::string body;

  // The header's value, or "" when absent.
  std::string Header(const std::string& lowercase_name) const;
};

class HttpClient {
 public:
  explicit HttpClient(uint16_t port) : port_(port) {}
  ~HttpClient();

  // Sends `raw_request` (opening a connection if none is open) and reads one
  // response (Content-Length framed). Closes the connection afterwards when
  // the response says "Connection: close". status 0 on any failure.
  HttpResponse SendRaw(const std::string& raw_request);

  // A well-formed request with Host and, when `body` is set, Content-Length.
  HttpResponse Request(const std::string& method, const std::string& path,
                       const std::optional<std::string>& body = std::nullopt,
                       const std::string& content_type = "application/json",
                       const std::map<std::string, std::string>& extra_headers = {});

  HttpResponse Get(const std::string& path) { return Request("GET", path); }

  // Headers Request() adds to every request of every client in this process
  // (e.g. a distinctive User-Agent and forwarded addresses for a leak scan),
  // after `extra_headers`. Set them before starting client threads; clear
  // them with an empty map.
  static void SetHeadersForEveryRequest(std::map<std::string, std::string> headers);
  HttpResponse PostJson(const std::string& path, const std::string& body) { return Request("POST", path, body); }

 private:
  bool Connect();
  void Close();
  uint16_t port_;
  int fd_ = -1;
};

}  // namespace pillarbox::testing
