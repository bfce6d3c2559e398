#include "support/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <utility>

namespace pillarbox::testing {
namespace {

std::map<std::string, std::string>& HeadersForEveryRequest() {
  static std::map<std::string, std::string> headers;
  return headers;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool SendAll(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

// Parses the status line and headers in `head`.
void ParseHead(const std::string& head, HttpResponse& response) {
  size_t line_end = head.find("\r\n");
  const std::string status_line = head.substr(0, line_end);
  const size_t space = status_line.find(' ');
  if (space != std::string::npos) response.status = std::atoi(status_line.c_str() + space + 1);
  size_t position = line_end + 2;
  while (position < head.size()) {
    line_end = head.find("\r\n", position);
    if (line_end == std::string::npos) line_end = head.size();
    const std::string line = head.substr(position, line_end - position);
    const size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      response.headers[Lower(line.substr(0, colon))] = value;
    }
    position = line_end + 2;
  }
}

}  // namespace

std::string HttpResponse::Header(const std::string& lowercase_name) const {
  const auto found = headers.find(lowercase_name);
  return found == headers.end() ? "" : found->second;
}

HttpClient::~HttpClient() { Close(); }

bool HttpClient::Connect() {
  fd_ = socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{10, 0};
  setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port_);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    Close();
    return false;
  }
  return true;
}

void HttpClient::Close() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

HttpResponse HttpClient::SendRaw(const std::string& raw_request) {
  HttpResponse response;
  if (fd_ < 0 && !Connect()) return response;
  if (!SendAll(fd_, raw_request)) {
    Close();
    return response;
  }
  std::string buffer;
  char chunk[16384];
  size_t head_end = std::string::npos;
  size_t wanted = std::string::npos;
  while (wanted == std::string::npos || buffer.size() < wanted) {
    const ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) break;
    buffer.append(chunk, static_cast<size_t>(n));
    if (head_end == std::string::npos && (head_end = buffer.find("\r\n\r\n")) != std::string::npos) {
      ParseHead(buffer.substr(0, head_end), response);
      const std::string length = response.Header("content-length");
      wanted = head_end + 4 + (length.empty() ? 0 : std::stoul(length));
    }
  }
  if (wanted == std::string::npos || buffer.size() < wanted) {
    Close();
    return HttpResponse{};
  }
  response.body = buffer.substr(head_end + 4, wanted - head_end - 4);
  if (Lower(response.Header("connection")) == "close") Close();
  return response;
}

HttpResponse HttpClient::Request(const std::string& method, const std::string& path,
                                 const std::optional<std::string>& body, const std::string& content_type,
                                 const std::map<std::string, std::string>& extra_headers) {
  std::string request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n";
  if (body.has_value()) {
    if (!content_type.empty()) request += "Content-Type: " + content_type + "\r\n";
    request += "Content-Length: " + std::to_string(body->size()) + "\r\n";
  }
  for (const auto& [name, value] : extra_headers) request += name + ": " + value + "\r\n";
  for (const auto& [name, value] : HeadersForEveryRequest()) request += name + ": " + value + "\r\n";
  request += "\r\n";
  if (body.has_value()) request += *body;
  return SendRaw(request);
}

void HttpClient::SetHeadersForEveryRequest(std::map<std::string, std::string> headers) {
  HeadersForEveryRequest() = std::move(headers);
}

}  // namespace pillarbox::testing
