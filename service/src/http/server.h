// HttpServer: the Pistache endpoint with Pillarbox's routes and guards.
// Hides Pistache from app/. Start() once, then Shutdown() once; not
// thread-safe itself (the handlers it runs are).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "common/status.h"
#include "http/route_context.h"

namespace pillarbox::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0 picks a free port; see HttpServer::port()
  int threads = 2;       // Pistache I/O threads
  // Request line + headers + body, enforced by Pistache (PISTACHE.md: keep small).
  size_t max_request_bytes = 256 * 1024;
  // Time limits per request, enforced by Pistache (docs/notes/abuse.md):
  // from the first byte of a request to the end of its headers (a client
  // trickling its headers is answered 408 and cut off when it passes);
  // for its body; and how long a kept-alive connection may sit idle.
  std::chrono::seconds header_timeout{10};
  std::chrono::seconds body_timeout{30};
  std::chrono::seconds keepalive_timeout{60};
};

class HttpServer {
 public:
  // `context` must outlive the server.
  HttpServer(ServerOptions options, const RouteContext& context);
  ~HttpServer();

  // Binds and serves on background threads. Unavailable when the address
  // cannot be bound (message names the address, e.g. port in use).
  Status Start();
  // The bound port (the real one when ServerOptions::port was 0).
  uint16_t port() const;
  // Stops accepting and closes connections. Pending responses are dropped,
  // so drain work that would answer them first (app/serve_command.cc).
  void Shutdown();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pillarbox::http
