#include "support/service_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

extern char** environ;

namespace pillarbox::testing {
namespace {

std::string BinaryPath() {
  const char* path = std::getenv("PILLARBOX_BINARY");
  if (path == nullptr) throw std::runtime_error("PILLARBOX_BINARY is not set");
  return path;
}

// Spawns the binary with stdout to a pipe (returned in *stdout_fd), stderr to
// `stderr_path`, and stdin from `stdin_path` (/dev/null when empty).
pid_t Spawn(const std::vector<std::string>& args, int* stdout_fd, const std::string& stderr_path,
            const std::string& stdin_path = "") {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_path.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                   0600);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, stdin_path.empty() ? "/dev/null" : stdin_path.c_str(),
                                   O_RDONLY, 0);
  std::vector<std::string> argv_strings = {BinaryPath()};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_strings) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (error != 0) throw std::runtime_error("posix_spawn failed");
  *stdout_fd = pipe_fds[0];
  return pid;
}

std::string ReadAll(int fd) {
  std::string out;
  char buffer[4096];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(n));
  return out;
}

int WaitExitCode(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

CommandResult RunPillarbox(const std::vector<std::string>& args, const std::string& stdin_text) {
  TempDir scratch;
  const std::string err_path = scratch.File("stderr");
  const std::string in_path = scratch.File("stdin");
  {
    std::ofstream in(in_path, std::ios::binary);
    in << stdin_text;
  }
  int out_fd = -1;
  const pid_t pid = Spawn(args, &out_fd, err_path, in_path);
  CommandResult result;
  result.out = ReadAll(out_fd);
  close(out_fd);
  result.exit_code = WaitExitCode(pid);
  result.err = ReadFileBytes(err_path);
  return result;
}

CommandResult RunPillarboxKilledAt(const std::vector<std::string>& args, const std::string& marker) {
  TempDir scratch;
  const std::string err_path = scratch.File("stderr");
  int out_fd = -1;
  const pid_t pid = Spawn(args, &out_fd, err_path);
  CommandResult result;
  char buffer[4096];
  ssize_t n;
  while ((n = read(out_fd, buffer, sizeof buffer)) > 0) {
    result.out.append(buffer, static_cast<size_t>(n));
    if (result.out.find(marker) != std::string::npos) {
      kill(pid, SIGKILL);
      break;
    }
  }
  close(out_fd);
  result.exit_code = WaitExitCode(pid);
  result.err = ReadFileBytes(err_path);
  return result;
}

ServiceProcess::ServiceProcess(const std::vector<std::string>& extra_init_args) : data_dir_(temp_.File("data")) {
  std::vector<std::string> args = {"init", "--data", data_dir_, "--json"};
  args.insert(args.end(), extra_init_args.begin(), extra_init_args.end());
  const CommandResult init = RunPillarbox(args);
  if (init.exit_code != 0) throw std::runtime_error("pillarbox init failed: " + init.err);
  init_output_ = init.out;
}

ServiceProcess::~ServiceProcess() { Stop(); }

bool ServiceProcess::Start(const std::vector<std::string>& extra_args) {
  std::vector<std::string> args = {"serve", "--data", data_dir_, "--listen", "127.0.0.1:0"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  pid_ = Spawn(args, &stdout_fd_, temp_.File("server.log"));
  const std::string marker = "listening on http://127.0.0.1:";
  std::string seen;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd poll_fd{stdout_fd_, POLLIN, 0};
    if (poll(&poll_fd, 1, 200) <= 0) continue;
    char buffer[512];
    const ssize_t n = read(stdout_fd_, buffer, sizeof buffer);
    if (n <= 0) break;
    seen.append(buffer, static_cast<size_t>(n));
    stdout_seen_.append(buffer, static_cast<size_t>(n));
    const size_t at = seen.find(marker);
    if (at != std::string::npos && seen.find('\n', at) != std::string::npos) {
      port_ = static_cast<uint16_t>(std::stoi(seen.substr(at + marker.size())));
      return port_ != 0;
    }
  }
  Kill();
  return false;
}

int ServiceProcess::Stop() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  const int code = WaitExitCode(pid_);
  pid_ = -1;
  if (stdout_fd_ >= 0) close(stdout_fd_);
  stdout_fd_ = -1;
  return code;
}

void ServiceProcess::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  WaitExitCode(pid_);
  pid_ = -1;
  if (stdout_fd_ >= 0) close(stdout_fd_);
  stdout_fd_ = -1;
}

std::string ServiceProcess::ServerLog() const { return ReadFileBytes(temp_.File("server.log")); }

std::string ServiceProcess::ServerOutput() {
  while (stdout_fd_ >= 0) {
    pollfd poll_fd{stdout_fd_, POLLIN, 0};
    if (poll(&poll_fd, 1, 0) <= 0) break;
    char buffer[4096];
    const ssize_t n = read(stdout_fd_, buffer, sizeof buffer);
    if (n <= 0) break;
    stdout_seen_.append(buffer, static_cast<size_t>(n));
  }
  return stdout_seen_;
}

}  // namespace pillarbox::testing
