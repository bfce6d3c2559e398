// Fuzz target: the whole HTTP request path. LLVMFuzzerInitialize creates an
// instance in a temporary folder (`pillarbox init`'s RunInit) and starts
// the production wiring in-process (app::ServingStack: every service, the
// real routes, the Pistache endpoint on 127.0.0.1, a free port). Each input
// is written raw on a fresh loopback connection, which is half-closed when
// no answer starts within kFirstByteWaitMs (Pistache drops answers still
// queued when it sees the client's end, so half-closing at once would lose
// most of them); the answer is read with a timeout. Properties checked:
// - the server answers with a well-formed status line ("HTTP/1.x NNN ") or
//   closes the connection, within kAnswerTimeout (no hang);
// - no 5xx other than the documented ones: 503 (busy) and the ones
//   Pistache's parser gives before any route runs (501 for an unsupported
//   Transfer-Encoding, 500 with the exception text for a header it cannot
//   parse); a 5xx from our own handlers is a finding;
// - the server still answers a known-good GET /healthz with 200 afterwards.
// Only our code is instrumented: Debian's libpistache is not, so an
// over-read inside Pistache's parser is not seen by ASan here (see
// docs/notes/fuzz2.md and tests/integration/pistache_parser_test.cc).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "app/init_command.h"
#include "app/instance.h"
#include "app/serving_stack.h"
#include "common/logging.h"

namespace {

using namespace pillarbox;

constexpr int kAnswerTimeoutMs = 5000;
// How long an input's connection waits for the start of an answer before
// it is half-closed (most fuzzed requests are incomplete: keep this short).
constexpr int kFirstByteWaitMs = 40;
constexpr size_t kMaxAnswerBytes = 4 * 1024 * 1024;

uint16_t g_port = 0;
std::string g_data_dir;

[[noreturn]] void Fail(const std::string& why, std::string_view answer = {}) {
  fprintf(stderr, "http_request_fuzz: %s\n--- answer (first 300 bytes) ---\n%.*s\n", why.c_str(),
          static_cast<int>(std::min<size_t>(answer.size(), 300)), answer.data());
  std::abort();
}

// The length of the first complete response in `answer` (status line,
// headers and a Content-Length body), or 0 while it is incomplete.
size_t CompleteResponseLength(std::string_view answer) {
  const size_t header_end = answer.find("\r\n\r\n");
  if (header_end == std::string_view::npos) return 0;
  std::string headers(answer.substr(0, header_end));
  std::transform(headers.begin(), headers.end(), headers.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  size_t length = 0;
  const size_t field = headers.find("\r\ncontent-length:");
  if (field != std::string::npos) length = std::strtoull(headers.c_str() + field + 17, nullptr, 10);
  const size_t total = header_end + 4 + length;
  return answer.size() >= total ? total : 0;
}

// Connects and writes `request`. Waits up to `answer_wait_ms` for the
// first byte of an answer; when none comes (an incomplete request, or a
// handler still working), half-closes so that the server sees the end.
// Then reads until a complete response arrived, the server closed, or
// kAnswerTimeoutMs passed. Returns false on that timeout.
bool Exchange(std::string_view request, int answer_wait_ms, std::string& answer) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) Fail("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(g_port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
    close(fd);
    Fail("cannot connect to the in-process server");
  }
  size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close early (e.g. 413); read what it said
    sent += static_cast<size_t>(n);
  }
  pollfd first{fd, POLLIN, 0};
  if (poll(&first, 1, answer_wait_ms) <= 0) shutdown(fd, SHUT_WR);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kAnswerTimeoutMs);
  char buffer[16384];
  bool done = false;
  while (!done && answer.size() < kMaxAnswerBytes) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd poll_fd{fd, POLLIN, 0};
    if (poll(&poll_fd, 1, static_cast<int>(left.count())) <= 0) continue;
    const ssize_t n = recv(fd, buffer, sizeof(buffer), 0);
    if (n <= 0) {
      done = true;  // EOF or reset
    } else {
      answer.append(buffer, static_cast<size_t>(n));
      done = CompleteResponseLength(answer) > 0;
    }
  }
  close(fd);
  return done || answer.size() >= kMaxAnswerBytes;
}

// The status code of `answer`'s status line; -1 when it is not one.
int AnswerCode(std::string_view answer) {
  if (answer.size() < 13 || answer.substr(0, 7) != "HTTP/1." || answer[8] != ' ' || answer[12] != ' ') return -1;
  int code = 0;
  for (size_t i = 9; i < 12; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(answer[i]))) return -1;
    code = code * 10 + (answer[i] - '0');
  }
  return code;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The 5xx that are documented (PISTACHE.md, docs/notes/fuzz2.md): 503 when
// a pool or the writer queue is full, and the answers Pistache's parser gives
// before any route runs: 501 for an unsupported Transfer-Encoding and 500
// with the parser's exception text for a header its registry cannot parse
// (a negative or huge Content-Length, a Host with a bad port, ...). Those
// carry no Content-Type; every answer of our handlers does (http/responses.h),
// and Guard() turns their exceptions into a JSON 500, which stays a finding.
bool DocumentedServerError(int code, std::string_view answer) {
  if (code == 503 || code == 501) return true;
  if (code != 500) return false;
  const size_t header_end = answer.find("\r\n\r\n");
  return Lower(answer.substr(0, header_end)).find("\r\ncontent-type:") == std::string::npos;
}

void CheckStillServing() {
  std::string answer;
  if (!Exchange("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", kAnswerTimeoutMs, answer)) {
    Fail("GET /healthz: no answer after the input", answer);
  }
  if (AnswerCode(answer) != 200) Fail("GET /healthz: not 200 after the input", answer);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  signal(SIGPIPE, SIG_IGN);
  ConfigureLogging("error");
  char pattern[] = "/tmp/pillarbox-http-fuzz-XXXXXX";
  if (mkdtemp(pattern) == nullptr) Fail("mkdtemp failed");
  g_data_dir = std::string(pattern) + "/data";
  {
    // RunInit prints the admin's credentials: not needed here.
    fflush(stdout);
    const int saved = dup(STDOUT_FILENO);
    const int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    dup2(null, STDOUT_FILENO);
    app::InitOptions init{.data_dir = g_data_dir, .json_output = true, .kdf = privacy::MinimalKdfParams()};
    const int code = app::RunInit(init);
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    close(null);
    if (code != 0) Fail("pillarbox init failed");
  }
  auto instance = app::OpenInstance(g_data_dir);
  if (!instance.ok()) Fail("cannot open the instance: " + instance.status().message());
  app::ServeOptions options;
  options.listen = {"127.0.0.1", 0};
  options.submissions_per_minute = 0;  // no global quota: every input reaches intake
  options.form_min_seconds = 0;
  options.max_file_mib = 1;
  auto stack = app::ServingStack::Start(std::move(*instance), options);
  if (!stack.ok()) Fail("cannot start the services: " + stack.status().message());
  static std::unique_ptr<app::ServingStack> serving = std::move(*stack);
  g_port = serving->port();
  std::atexit([] {
    serving->Stop();
    std::error_code ignored;
    std::filesystem::remove_all(std::filesystem::path(g_data_dir).parent_path(), ignored);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view request(reinterpret_cast<const char*>(data), size);
  std::string answer;
  if (!Exchange(request, kFirstByteWaitMs, answer)) Fail("no answer and no close within the timeout", answer);
  if (!answer.empty()) {
    const int code = AnswerCode(answer);
    if (code < 100) Fail("the answer does not start with a status line", answer);
    if (code >= 500 && !DocumentedServerError(code, answer)) Fail("undocumented 5xx", answer);
  }
  CheckStillServing();
  return 0;
}
