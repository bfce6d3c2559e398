// Probe for the 1-byte heap over-read in Debian's Pistache 0.0.5 request
// parser (StreamBuf::snext() reads gptr()[1] when only one byte is left;
// StreamCursor::eol() calls it on a '\r' that ends the bytes received so
// far; fixed upstream in pistacheio/pistache#1192, 2024). Not part of the
// build: libpistache is not instrumented, so ASan cannot see it; run this
// under valgrind instead (docs/notes/fuzz2.md):
//   g++ -std=c++17 -g -O0 tests/fuzz/pistache_probe/pistache_overread_probe.cc \
//       $(pkg-config --cflags --libs libpistache) -o /tmp/pistache_probe
//   valgrind --error-exitcode=9 /tmp/pistache_probe parser   # in-process parser
//   valgrind --error-exitcode=9 /tmp/pistache_probe server   # over TCP, as a client would
//   valgrind --error-exitcode=9 /tmp/pistache_probe server-large  # one write, CR at byte 4095
// Each mode feeds a request whose first segment is exactly 16 bytes and ends
// in '\r' ("GET /a HTTP/1.1\r"): the parser's buffer is a std::vector grown
// by push_back, so its capacity is then exactly 16 and the read of byte 16
// leaves the heap block. Exit 0 when Pistache still parsed/answered it.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

#include <pistache/endpoint.h>
#include <pistache/http.h>

namespace {

constexpr char kFirst[] = "GET /a HTTP/1.1\r";  // 16 bytes
constexpr char kRest[] = "\nHost: x\r\nConnection: close\r\n\r\n";

int Parser() {
  using Pistache::Http::Private::ParserImpl;
  using Pistache::Http::Private::State;
  ParserImpl<Pistache::Http::Request> parser(4096);
  parser.feed(kFirst, std::strlen(kFirst));
  State state = parser.parse();  // eol() at the last byte: reads one past the block
  std::printf("after %zu bytes: %s\n", std::strlen(kFirst), state == State::Again ? "Again" : "other");
  parser.feed(kRest, std::strlen(kRest));
  state = parser.parse();
  std::printf("after the rest: %s, resource %s\n", state == State::Done ? "Done" : "not done",
              parser.request.resource().c_str());
  return state == State::Done ? 0 : 1;
}

class Hello : public Pistache::Http::Handler {
 public:
  HTTP_PROTOTYPE(Hello)
  void onRequest(const Pistache::Http::Request&, Pistache::Http::ResponseWriter response) override {
    response.send(Pistache::Http::Code::Ok, "ok");
  }
};

// A request sent in one piece, with a header line whose CR is byte 4095:
// Pistache reads at most 4096 bytes per recv, so the parser is first fed
// exactly 4096 bytes ending in that CR (what a proxy forwarding large headers
// could produce).
std::string LargeHeaderRequest() {
  std::string request = "GET /a HTTP/1.1\r\nHost: x\r\nX-Pad: ";
  request.append(4095 - request.size(), 'p');
  request += "\r\nConnection: close\r\n\r\n";
  return request;
}

int Server(bool large) {
  Pistache::Http::Endpoint endpoint(Pistache::Address("127.0.0.1", Pistache::Port(0)));
  endpoint.init(Pistache::Http::Endpoint::options().threads(1).maxRequestSize(64 * 1024));
  endpoint.setHandler(Pistache::Http::make_handler<Hello>());
  endpoint.serveThreaded();
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(endpoint.getPort()));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) return 2;
  if (large) {
    const std::string request = LargeHeaderRequest();
    send(fd, request.data(), request.size(), 0);
  } else {
    send(fd, kFirst, std::strlen(kFirst), 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the server parses the 16 bytes alone
    send(fd, kRest, std::strlen(kRest), 0);
  }
  std::string answer;
  char buffer[512];
  for (ssize_t n; (n = recv(fd, buffer, sizeof(buffer), 0)) > 0;) {
    answer.append(buffer, static_cast<size_t>(n));
    if (answer.find("\r\n\r\n") != std::string::npos) break;
  }
  close(fd);
  endpoint.shutdown();
  std::printf("answer: %.15s\n", answer.c_str());
  return answer.rfind("HTTP/1.1 200", 0) == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "parser";
  if (mode == "server") return Server(false);
  if (mode == "server-large") return Server(true);
  return Parser();
}
