// ServiceProcess: the real pillarbox binary, initialized in a temporary data
// folder and serving on a free loopback port, for integration tests.
// The binary's path comes from $PILLARBOX_BINARY (set by tests/CMakeLists.txt).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace pillarbox::testing {

// Output of one finished run of the binary.
struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs the pillarbox binary with `args` to completion, with `stdin_text` on
// its standard input (empty input when none is given).
CommandResult RunPillarbox(const std::vector<std::string>& args, const std::string& stdin_text = "");

// Runs the pillarbox binary with `args` and kills it with SIGKILL as soon as
// its stdout contains `marker` (a kill -9 at a known point of a long
// command). exit_code is 128 + 9 when it was killed, else its own exit code.
CommandResult RunPillarboxKilledAt(const std::vector<std::string>& args, const std::string& marker);

class ServiceProcess {
 public:
  // Runs `pillarbox init --data <tmp>/data --json` (credentials kept in
  // init_output()); does not start serving yet.
  ServiceProcess() : ServiceProcess(std::vector<std::string>{}) {}
  // The same with `extra_init_args` added to init (e.g. {"--demo"}).
  explicit ServiceProcess(const std::vector<std::string>& extra_init_args);
  // Stop()s.
  ~ServiceProcess();

  // Starts `pillarbox serve` on 127.0.0.1:0 plus `extra_args`, and waits for
  // the "listening on" line. Returns false if it exited or did not listen
  // within 20 s.
  bool Start(const std::vector<std::string>& extra_args = {});
  // SIGTERM and wait; returns the exit status (or -1 when not running).
  int Stop();
  // SIGKILL and wait.
  void Kill();

  uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& data_dir() const { return data_dir_; }
  std::string database_path() const { return data_dir_ + "/pillarbox.db"; }
  std::string secret_path() const { return data_dir_ + "/instance.key"; }
  // stdout of `pillarbox init --json`.
  const std::string& init_output() const { return init_output_; }
  // Everything the server wrote to stderr so far (its log).
  std::string ServerLog() const;
  // Everything the server wrote to stdout so far (reads what is waiting in
  // the pipe without blocking; what was read stays in the result of later calls).
  std::string ServerOutput();

 private:
  TempDir temp_;
  std::string data_dir_;
  std::string init_output_;
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string stdout_seen_;  // stdout read so far
  uint16_t port_ = 0;
};

}  // namespace pillarbox::testing
