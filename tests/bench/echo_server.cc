// Baseline for the intake benchmark: a raw Pistache endpoint with the same
// options as the service (threads, request size limit) that answers
// POST /echo with 201 and a small JSON body, doing no work at all. Measured
// in the same run as the service so the ratio shows what intake costs.
//
// Usage: pillarbox_bench_echo PORT [THREADS]; prints "listening on
// http://127.0.0.1:PORT" and serves until SIGINT/SIGTERM.
#include <pistache/endpoint.h>
#include <pistache/router.h>
#include <signal.h>

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: pillarbox_bench_echo PORT [THREADS]\n";
    return 2;
  }
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  using namespace Pistache;
  Rest::Router router;
  Rest::Routes::Post(router, "/echo", [](const Rest::Request& request, Http::ResponseWriter response) {
    response.send(Http::Code::Created, "{\"bytes\":" + std::to_string(request.body().size()) + "}",
                  MIME(Application, Json));
    return Rest::Route::Result::Ok;
  });
  const int threads = argc > 2 ? std::atoi(argv[2]) : 2;
  Http::Endpoint endpoint(Address("127.0.0.1", Port(static_cast<uint16_t>(std::atoi(argv[1])))));
  endpoint.init(Http::Endpoint::options().threads(threads).maxRequestSize(256 * 1024).flags(Tcp::Options::ReuseAddr)
                    .logger(PISTACHE_NULL_STRING_LOGGER));
  endpoint.setHandler(router.handler());
  endpoint.serveThreaded();
  std::cout << "listening on http://127.0.0.1:" << static_cast<uint16_t>(endpoint.getPort()) << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  endpoint.shutdown();
  return 0;
}
