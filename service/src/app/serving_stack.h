// ServingStack: everything `pillarbox serve` runs over an opened instance
// (the storage pipeline, every service, the route context and the HTTP
// server), started and stopped in the one order serve uses. RunServe drives
// it from the command line; the whole-request fuzz harness (tests/fuzz)
// starts one in-process so it exercises exactly the production wiring.
// Start/Stop from one thread; the services it runs are thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "app/instance.h"
#include "app/serve_command.h"
#include "common/status.h"

namespace pillarbox::app {

// --researcher-epsilon-budget as millionths of epsilon. InvalidArgument
// (field "researcher-epsilon-budget") unless it is a positive decimal with
// at most 6 digits after the point and at most 1,000,000,000.
Result<int64_t> EpsilonBudgetMicro(const std::string& text);

class ServingStack {
 public:
  // Starts every service over `instance` (from OpenInstance) with the
  // tunables of `options` (its data_dir and secret_file are not read), then
  // the HTTP server on options.listen (port 0 picks a free port), then the
  // retention schedule. Errors: EpsilonBudgetMicro's; the first service that
  // cannot start (Unavailable when the address cannot be bound). Nothing
  // keeps running after an error.
  static Result<std::unique_ptr<ServingStack>> Start(Instance instance, const ServeOptions& options);

  // Stop() unless it already ran.
  ~ServingStack();
  ServingStack(const ServingStack&) = delete;
  ServingStack& operator=(const ServingStack&) = delete;

  // The port the HTTP server is bound to.
  uint16_t port() const;

  // What serve does on SIGTERM: stops the retention schedule, finishes
  // queued reviewer work, commits and answers every queued write (new ones
  // get 503), lets the I/O threads flush the answers, then closes the
  // server. Idempotent.
  void Stop();

 private:
  struct Parts;
  explicit ServingStack(std::unique_ptr<Parts> parts);
  // Starts the services the routes need and fills the route context.
  static Status StartServices(Parts& parts, const ServeOptions& options, int64_t epsilon_budget_micro);
  std::unique_ptr<Parts> parts_;
};

}  // namespace pillarbox::app
