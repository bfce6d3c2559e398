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
  // Request line + headers + body, enforced by Pistache for every route
  // (PISTACHE.md: keep small). At least one evidence chunk (1 MiB) plus
  // headers; `pillarbox serve` raises it to one whole evidence file plus
  // 64 KiB, because the follow-up page's plain upload form (no JavaScript)
  // sends a file in one request. Each JSON route keeps its own small cap
  // (http/json_request.h); the reverse proxy caps bodies per location.
  size_t max_request_bytes = 1024 * 1024 + 16 * 1024;
  // Status line + headers + body: one evidence file (30 MiB by default) plus headers.
  size_t max_response_bytes = 64 * 1024 * 1024;
  // Time limits per request, enforced by Pistache (docs/ARCHITECTURE.md "Anti-abuse"):
  // from the first byte of a request to the end of its headers (a client
  // trickling its headers is answered 408 and cut off when it passes);
  // for its body (long enough for a 30 MiB file from the plain upload form
  // at about 256 KiB/s, e.g. over Tor); and how long a kept-alive connection
  // may sit idle.
  std::chrono::seconds header_timeout{10};
  std::chrono::seconds body_timeout{120};
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
