// The flood test (issue 5): while a bounded junk flood hits the intake on
// loopback (it stops by itself), a legitimate submission still completes;
// the service's memory stays under a stated cap; it still answers /healthz;
// the submission quota holds; and the flood leaves no trace of any address
// or client detail in the database, the data folder or the service's output.
//
// The flood: malformed JSON, wrong content types, oversized bodies, random
// bytes, well-formed reports with invalid answers, half-sent requests that
// trickle their headers (slow-loris-lite), and bursts of valid reports over
// the quota. Every flood request carries a distinctive User-Agent canary.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "instance_inspector.h"
#include "report_payloads.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using std::chrono::seconds;

// How long the junk threads run.
constexpr auto kFloodDuration = seconds(8);
// Quota of the service under test: 120 a minute (2 a second), 20 at once.
constexpr int kPerMinute = 120;
constexpr int kBurst = 20;
// Peak resident memory (VmHWM) the service must stay under during the flood
// (docs/ARCHITECTURE.md "Anti-abuse": measured 13 MiB on this machine kind, from 11 MiB
// before the flood; about 5x headroom for allocator arenas per thread and
// slower machines that keep more requests in flight).
// Under AddressSanitizer (the CI tree) the service's memory is mostly
// ASan's own (shadow memory, a 256 MiB quarantine of freed blocks, redzones):
// measured 982 MiB for the same flood. There the cap only catches runaway
// growth; the 64 MiB cap holds in plain builds (`cmake -S . -B build`, the
// developers' default).
#if defined(__SANITIZE_ADDRESS__)
#define PILLARBOX_TEST_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PILLARBOX_TEST_UNDER_ASAN 1
#endif
#endif
#ifdef PILLARBOX_TEST_UNDER_ASAN
constexpr int64_t kMemoryCapKiB = 2048 * 1024;
#else
constexpr int64_t kMemoryCapKiB = 64 * 1024;
#endif
// The server's header timeout (http/server.cc) plus slack: a client that
// trickles its headers must be cut off within this.
constexpr auto kSlowClientCutoff = seconds(10 + 4);
constexpr int kSlowClients = 24;

// A raw loopback connection: sends exactly the given bytes and reads one
// Content-Length framed response. Records its local port.
class RawConnection {
 public:
  explicit RawConnection(uint16_t port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) return;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      close(fd_);
      fd_ = -1;
      return;
    }
    sockaddr_in local{};
    socklen_t length = sizeof local;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&local), &length);
    local_port_ = ntohs(local.sin_port);
  }
  ~RawConnection() {
    if (fd_ >= 0) close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool ok() const { return fd_ >= 0; }
  uint16_t local_port() const { return local_port_; }

  bool Send(const std::string& bytes) {
    size_t sent = 0;
    while (sent < bytes.size()) {
      const ssize_t n = send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<size_t>(n);
    }
    return true;
  }

  // Reads one response within `timeout`; its status (0 when none or the
  // connection closed first). `retry_after` receives that header's value.
  int ReadResponse(milliseconds timeout, std::string* retry_after = nullptr, bool* closes = nullptr) {
    const auto deadline = Clock::now() + timeout;
    std::string buffer;
    size_t head_end = std::string::npos;
    size_t wanted = std::string::npos;
    while (wanted == std::string::npos || buffer.size() < wanted) {
      const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) return 0;
      pollfd poll_fd{fd_, POLLIN, 0};
      if (poll(&poll_fd, 1, static_cast<int>(left)) <= 0) return 0;
      char chunk[16384];
      const ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
      if (n <= 0) return 0;
      buffer.append(chunk, static_cast<size_t>(n));
      if (head_end == std::string::npos && (head_end = buffer.find("\r\n\r\n")) != std::string::npos) {
        std::string head = buffer.substr(0, head_end);
        for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const size_t length_at = head.find("\r\ncontent-length:");
        const size_t length = length_at == std::string::npos ? 0 : std::stoul(head.substr(length_at + 17));
        wanted = head_end + 4 + length;
        const size_t retry_at = head.find("\r\nretry-after:");
        if (retry_after != nullptr) {
          *retry_after = retry_at == std::string::npos ? "" : head.substr(retry_at + 14, head.find("\r\n", retry_at + 2) - retry_at - 14);
        }
        if (closes != nullptr) *closes = head.find("\r\nconnection: close") != std::string::npos;
      }
    }
    if (buffer.rfind("HTTP/1.1 ", 0) != 0 || buffer.size() < 12) return 0;
    return std::stoi(buffer.substr(9, 3));
  }

  // True when the server closes the connection (or answers and closes)
  // within `timeout`.
  bool ClosedWithin(milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
      pollfd poll_fd{fd_, POLLIN, 0};
      const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
      if (poll(&poll_fd, 1, static_cast<int>(std::max<int64_t>(left, 1))) <= 0) continue;
      char chunk[4096];
      const ssize_t n = recv(fd_, chunk, sizeof chunk, MSG_DONTWAIT);
      if (n <= 0) return true;  // closed (a 408 or any answer is read and discarded first)
    }
    return false;
  }

 private:
  int fd_ = -1;
  uint16_t local_port_ = 0;
};

// What the flood saw, by kind of junk and status.
struct Tally {
  std::mutex mutex;
  std::map<std::string, std::map<int, int>> statuses;  // kind -> status -> count
  std::set<uint16_t> ports;                            // client ports used
  int burst_503_without_retry_after = 0;

  void Add(const std::string& kind, int status, uint16_t port) {
    std::lock_guard<std::mutex> lock(mutex);
    ++statuses[kind][status];
    if (port != 0) ports.insert(port);
  }
  int Count(const std::string& kind, int status) {
    std::lock_guard<std::mutex> lock(mutex);
    return statuses[kind][status];
  }
  std::string Describe() {
    std::lock_guard<std::mutex> lock(mutex);
    std::ostringstream out;
    for (const auto& [kind, counts] : statuses) {
      out << kind << ":";
      for (const auto& [status, count] : counts) out << " " << status << "x" << count;
      out << "\n";
    }
    return out.str();
  }
};

std::string PostHead(const std::string& content_type, size_t length, const std::string& agent) {
  std::string head = "POST /api/v1/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nUser-Agent: " +
                     agent + "\r\n";
  if (!content_type.empty()) head += "Content-Type: " + content_type + "\r\n";
  return head + "Content-Length: " + std::to_string(length) + "\r\n\r\n";
}

// A flood thread: builds request `n` of its kind; sends it on a kept-alive
// connection (a new one when the server closed the last), and tallies the
// status until the deadline.
struct JunkKind {
  std::string name;
  std::function<std::string(int n)> request;
  bool expect_no_reuse = false;  // random bytes: one request per connection
  int burst = 0;                 // when set: pause `pause` after every `burst` requests
  milliseconds pause{0};
};

void RunJunk(uint16_t port, const JunkKind& kind, Clock::time_point deadline, Tally& tally) {
  std::unique_ptr<RawConnection> connection;
  for (int n = 0; Clock::now() < deadline; ++n) {
    if (!connection || !connection->ok()) connection = std::make_unique<RawConnection>(port);
    if (!connection->ok()) {
      tally.Add(kind.name, -1, 0);  // could not connect
      std::this_thread::sleep_for(milliseconds(20));
      connection.reset();
      continue;
    }
    std::string retry_after;
    bool closes = false;
    int status = 0;
    if (connection->Send(kind.request(n))) status = connection->ReadResponse(milliseconds(5000), &retry_after, &closes);
    tally.Add(kind.name, status, connection->local_port());
    if (status == 503 && retry_after.empty()) {
      std::lock_guard<std::mutex> lock(tally.mutex);
      ++tally.burst_503_without_retry_after;
    }
    if (status == 0 || closes || kind.expect_no_reuse) connection.reset();
    if (kind.burst > 0 && n % kind.burst == kind.burst - 1) std::this_thread::sleep_for(kind.pause);
  }
}

// Trickles a request's headers, one short line a second (or, when not
// `trickle`, opens the connection and sends nothing), until the server cuts
// the connection off; records how long that took (-1: never).
void RunSlowClient(uint16_t port, const std::string& agent, bool trickle, Clock::time_point give_up, Tally& tally,
                   std::vector<double>& cut_after_s, std::mutex& cut_mutex) {
  RawConnection connection(port);
  if (!connection.ok()) return tally.Add("slow_loris", -1, 0);
  tally.Add("slow_loris", 1, connection.local_port());
  const auto opened = Clock::now();
  bool alive = !trickle ||
               connection.Send("POST /api/v1/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + agent + "\r\n");
  for (int line = 0; alive && Clock::now() < give_up; ++line) {
    if (connection.ClosedWithin(milliseconds(1000))) break;
    if (trickle) alive = connection.Send("X-Slow-" + std::to_string(line) + ": a\r\n");
  }
  const bool cut = !alive || Clock::now() < give_up;
  std::lock_guard<std::mutex> lock(cut_mutex);
  cut_after_s.push_back(cut ? std::chrono::duration<double>(Clock::now() - opened).count() : -1.0);
}

int64_t StatusKiB(pid_t pid, const std::string& key) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(key + ":", 0) == 0) return std::stoll(line.substr(key.size() + 1));
  }
  return -1;
}

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every file of the data folder (database, WAL, keys, anything else), by path.
std::map<std::string, std::string> DataFolderFiles(const std::string& data_dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(data_dir)) {
    if (entry.is_regular_file()) files[entry.path().string()] = ReadAll(entry.path());
  }
  return files;
}

// The needles found in `haystack`, each with where it was found.
void ScanForTraces(const std::string& where, const std::string& haystack, const std::vector<std::string>& needles,
                   std::vector<std::string>& found) {
  for (const std::string& needle : needles) {
    if (haystack.find(needle) != std::string::npos) found.push_back("\"" + needle + "\" in " + where);
  }
}

class FloodTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(service_.Start({"--submissions-per-minute", std::to_string(kPerMinute), "--submission-burst",
                                std::to_string(kBurst), "--queue-capacity", "64"}))
        << service_.ServerLog();
    HttpClient client(service_.port());
    questionnaire_ = nlohmann::json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body);
  }

  // A report whose first enum answer is not one of its options.
  std::string InvalidAnswersBody() {
    nlohmann::json report = BuildReport(questionnaire_, "FLOODJUNK");
    for (const auto& field : questionnaire_["fields"]) {
      if (field["type"] == "enum") {
        report["answers"][field["name"].get<std::string>()] = "not-an-option";
        break;
      }
    }
    return report.dump();
  }

  ServiceProcess service_;
  nlohmann::json questionnaire_;
};

TEST_F(FloodTest, LegitimateSubmissionCompletesWhileJunkFloodsAndNoAddressIsKept) {
  const uint16_t port = service_.port();
  std::mt19937_64 random(std::random_device{}());
  const std::string agent = "FloodCanary-" + std::to_string(random()) + "/9.9 (X11; pillarbox flood)";
  const int64_t rss_before_kib = StatusKiB(service_.pid(), "VmRSS");

  const std::string valid_body = BuildReport(questionnaire_, "FLOODVALID").dump();
  const std::string invalid_body = InvalidAnswersBody();
  const std::string big_body = "{\"kind\":\"voice_cloning\",\"answers\":{\"narrative\":\"" +
                               std::string(200 * 1024, 'A') + "\"}}";  // over the 192 KiB report cap
  const std::string huge_body = std::string(300 * 1024, '{');          // over the 256 KiB request cap
  const std::vector<std::string> malformed = {"{", "{\"kind\":", "[1,2", "\"just a string\"", "{\"kind\":1}",
                                              std::string("{\"kind\":\"\xff\xfe\"}"), "nul\0l", "{}{}"};
  const std::vector<std::string> wrong_types = {"text/plain", "multipart/form-data; boundary=x",
                                                "application/x-www-form-urlencoded", "", "application/json; charset=latin1"};

  std::vector<JunkKind> kinds = {
      {"malformed_json",
       [&](int n) {
         const std::string& body = malformed[static_cast<size_t>(n) % malformed.size()];
         return PostHead("application/json", body.size(), agent) + body;
       }},
      {"wrong_content_type",
       [&](int n) {
         return PostHead(wrong_types[static_cast<size_t>(n) % wrong_types.size()], valid_body.size(), agent) +
                valid_body;
       }},
      {"oversized",
       [&](int n) {
         if (n % 4 == 2) {  // a Content-Length far beyond what is sent or allowed
           return "POST /api/v1/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + agent +
                  "\r\nContent-Type: application/json\r\nContent-Length: 2000000000\r\n\r\n{}";
         }
         const std::string& body = n % 4 == 3 ? huge_body : big_body;
         return PostHead("application/json", body.size(), agent) + body;
       }},
      {"random_bytes",
       [&](int) {
         std::string bytes(512 + random() % 3584, '\0');
         for (char& c : bytes) c = static_cast<char>(random() & 0xff);
         return bytes;
       },
       true},
      {"invalid_answers", [&](int) { return PostHead("application/json", invalid_body.size(), agent) + invalid_body; }},
      {"valid_burst", [&](int) { return PostHead("application/json", valid_body.size(), agent) + valid_body; },
       false, 40, milliseconds(1000)},
      {"valid_burst", [&](int) { return PostHead("application/json", valid_body.size(), agent) + valid_body; },
       false, 40, milliseconds(1300)},
  };

  Tally tally;
  const auto flood_start = Clock::now();
  const auto deadline = flood_start + kFloodDuration;
  std::vector<std::thread> threads;
  std::vector<double> cut_after_s;
  std::mutex cut_mutex;
  for (int i = 0; i < kSlowClients; ++i) {
    threads.emplace_back(RunSlowClient, port, agent, i % 2 == 0, flood_start + kSlowClientCutoff, std::ref(tally),
                         std::ref(cut_after_s), std::ref(cut_mutex));
  }
  for (const JunkKind& kind : kinds) {
    threads.emplace_back([&, kind] { RunJunk(port, kind, deadline, tally); });
  }

  // The legitimate reporter starts once the flood is under way and retries
  // on 503 after the Retry-After it is given (bounded).
  std::this_thread::sleep_for(milliseconds(1500));
  const std::string legit_body = BuildReport(questionnaire_, "LEGITIMATE").dump();
  HttpClient legit(port);
  const auto legit_start = Clock::now();
  HttpResponse answer;
  int attempts = 0;
  std::vector<std::string> retry_afters;
  while (attempts < 30 && Clock::now() - legit_start < seconds(40)) {
    ++attempts;
    answer = legit.Request("POST", "/api/v1/reports", legit_body, "application/json", {{"User-Agent", agent}});
    if (answer.status != 503) break;
    retry_afters.push_back(answer.Header("retry-after"));
    const int wait = std::max(1, std::atoi(answer.Header("retry-after").c_str()));
    std::this_thread::sleep_for(seconds(std::min(wait, 10)));
  }
  const double legit_latency_s = std::chrono::duration<double>(Clock::now() - legit_start).count();
  const bool legit_within_flood = Clock::now() < deadline;

  for (auto& thread : threads) thread.join();
  const double flood_s = std::chrono::duration<double>(Clock::now() - flood_start).count();
  const int64_t peak_kib = StatusKiB(service_.pid(), "VmHWM");
  std::cout << "[flood] " << tally.Describe() << "[flood] legit: status " << answer.status << " after " << attempts
            << " attempt(s), " << legit_latency_s << " s" << (legit_within_flood ? " (during the flood)" : "")
            << "; VmRSS before " << rss_before_kib / 1024 << " MiB, VmHWM " << peak_kib / 1024 << " MiB\n";
  std::cout << "[flood] slow clients cut off after (s):";
  for (double s : cut_after_s) std::cout << " " << s;
  std::cout << std::endl;

  // The legitimate submission completed.
  ASSERT_EQ(answer.status, 201) << answer.body << "\n" << tally.Describe();
  const std::string receipt = nlohmann::json::parse(answer.body)["receipt"];
  for (const std::string& value : retry_afters) EXPECT_GE(std::atoi(value.c_str()), 1) << "Retry-After missing";

  // Memory stayed under the cap, and the service still answers.
  ASSERT_GT(peak_kib, 0);
  EXPECT_LT(peak_kib, kMemoryCapKiB);
  HttpClient after(port);
  EXPECT_EQ(after.Get("/healthz").status, 200);

  // Each kind of junk got its refusal, and nothing answered 500.
  EXPECT_GT(tally.Count("malformed_json", 400), 0);
  EXPECT_GT(tally.Count("wrong_content_type", 415), 0);
  EXPECT_GT(tally.Count("oversized", 413), 0);
  EXPECT_GT(tally.Count("invalid_answers", 400), 0);
  EXPECT_GT(tally.Count("valid_burst", 503), 0) << "the bursts never went over the quota";
  EXPECT_EQ(tally.burst_503_without_retry_after, 0);
  {
    std::lock_guard<std::mutex> lock(tally.mutex);
    for (const auto& [kind, counts] : tally.statuses) {
      for (const auto& [status, count] : counts) {
        EXPECT_TRUE(status < 500 || status == 503) << kind << " got " << count << " x " << status;
        if (kind == "malformed_json" || kind == "invalid_answers") {
          EXPECT_EQ(status, 400) << kind;
        }
        if (kind == "wrong_content_type") {
          EXPECT_EQ(status, 415) << kind;
        }
        if (kind == "valid_burst") {
          EXPECT_TRUE(status == 201 || status == 503) << kind << " got " << status;
        }
      }
    }
  }
  // Every trickling client was cut off by the server's header timeout.
  ASSERT_EQ(cut_after_s.size(), static_cast<size_t>(kSlowClients));
  for (double s : cut_after_s) EXPECT_GE(s, 0.0) << "a slow client was never cut off";

  // The quota held: accepted reports never exceeded the burst plus the
  // sustained rate over the time the service ran.
  const int accepted_burst = tally.Count("valid_burst", 201);
  const double allowed = kBurst + kPerMinute / 60.0 * (flood_s + 3.0) + 1;
  EXPECT_LE(accepted_burst + 1, allowed);

  // No trace of any client: loopback address, the ports used, the User-Agent.
  std::vector<std::string> needles = {"127.0.0.1", "FloodCanary", agent};
  for (uint16_t client_port : tally.ports) needles.push_back(":" + std::to_string(client_port));
  std::vector<std::string> found;
  const auto scan_everything = [&](const std::string& when) {
    for (const auto& [path, bytes] : DataFolderFiles(service_.data_dir())) ScanForTraces(when + path, bytes, needles, found);
    std::string output = service_.ServerOutput();
    // The service's own listening address is printed once at start; it names no client.
    const std::string listening = "listening on http://127.0.0.1:" + std::to_string(port);
    for (size_t at; (at = output.find(listening)) != std::string::npos;) output.erase(at, listening.size());
    ScanForTraces(when + "stdout", output, needles, found);
    ScanForTraces(when + "stderr", service_.ServerLog(), needles, found);
  };
  scan_everything("(running) ");
  ASSERT_EQ(service_.Stop(), 0);
  scan_everything("(stopped) ");
  EXPECT_TRUE(found.empty()) << ::testing::PrintToString(found);
  EXPECT_GT(tally.ports.size(), 50u) << "the flood used too few connections to mean anything";

  // The legitimate report is stored, and opens with its receipt.
  EXPECT_EQ(CountRows(service_.database_path(), "reports"), accepted_burst + 1);
  auto answers = OpenReportWithReceipt(service_.data_dir(), receipt);
  ASSERT_TRUE(answers.ok()) << answers.status().ToString();
  EXPECT_EQ((*answers)["narrative"].rfind("LEGITIMATE-narrative-", 0), 0u);
}

}  // namespace
}  // namespace pillarbox::testing
