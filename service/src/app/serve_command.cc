#include "app/serve_command.h"

#include <signal.h>

#include <cstdio>
#include <iostream>

#include <spdlog/spdlog.h>

#include "app/data_folder_lock.h"
#include "app/instance.h"
#include "app/serving_stack.h"
#include "common/logging.h"

namespace pillarbox::app {
namespace {

// Blocks SIGINT and SIGTERM in this thread and every thread started after,
// so that only WaitForStopSignal() receives them.
sigset_t BlockStopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

int WaitForStopSignal(const sigset_t& signals) {
  int received = 0;
  sigwait(&signals, &received);
  return received;
}

}  // namespace

int RunServe(const ServeOptions& options) {
  const sigset_t stop_signals = BlockStopSignals();
  signal(SIGPIPE, SIG_IGN);  // Pistache: an aborted download must not kill us.
  ConfigureLogging(options.log_level, options.log_format == "json" ? LogFormat::kJson : LogFormat::kText);

  if (!EpsilonBudgetMicro(options.researcher_epsilon_budget).ok()) {
    std::cerr << "pillarbox: --researcher-epsilon-budget: must be a positive decimal with at most 6 digits after "
                 "the point\n";
    return 2;
  }
  // Held until serve returns: a master key rotation must not run beside it.
  auto folder_lock = DataFolderLock::Acquire(options.data_dir);
  if (!folder_lock.ok()) {
    std::cerr << "pillarbox: cannot start: " << folder_lock.status().message() << "\n";
    return 1;
  }
  auto instance = OpenInstance(options.data_dir, options.secret_file);
  if (!instance.ok()) {
    std::cerr << "pillarbox: cannot start: " << instance.status().message() << "\n";
    return 1;
  }
  auto stack = ServingStack::Start(std::move(*instance), options);
  if (!stack.ok()) {
    std::cerr << "pillarbox: cannot start: " << stack.status().message() << "\n";
    return 1;
  }
  std::cout << "pillarbox listening on http://" << options.listen.host << ":" << (*stack)->port() << std::endl;
  spdlog::info("serving threads={} queue_capacity={} submissions_per_minute={} submission_burst={} pow_bits={}",
               options.http_threads, options.queue_capacity, options.submissions_per_minute,
               options.submission_burst, options.pow_bits);

  const int signal_number = WaitForStopSignal(stop_signals);
  spdlog::info("signal {} received; draining", signal_number);
  (*stack)->Stop();
  return 0;
}

}  // namespace pillarbox::app
