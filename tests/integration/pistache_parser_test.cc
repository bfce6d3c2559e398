// Debian's Pistache 0.0.5 reads one byte past its parser buffer when the
// bytes received so far end in a '\r' where it looks for a line end
// (StreamBuf::snext(); upstream fix pistacheio/pistache#1192, 2024). The
// buffer is a std::vector grown by push_back, so the read leaves the heap
// block when the bytes fed so far are exactly a power of two: 16 bytes of a
// request line sent alone, or the 4096 bytes of one recv (Pistache reads at
// most 4096 at a time) of a large header block, which any client, and even
// nginx forwarding a client's long headers, can produce. libpistache is not
// instrumented, so ASan cannot see the read; valgrind can
// (tests/fuzz/pistache_probe, docs/notes/fuzz2.md). These tests send exactly
// those inputs to the real service and check what it does: every request
// is still parsed and answered correctly, a request cut at that '\r' is
// dropped without a 5xx, and the service keeps serving.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "instance_inspector.h"
#include "report_payloads.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

// True once `answer` holds a whole response (headers and a Content-Length body).
bool Complete(const std::string& answer) {
  const size_t header_end = answer.find("\r\n\r\n");
  if (header_end == std::string::npos) return false;
  const size_t field = answer.find("Content-Length: ");
  const size_t length = field < header_end ? std::stoul(answer.substr(field + 16)) : 0;
  return answer.size() >= header_end + 4 + length;
}

// Sends each piece on one connection, pausing between them so that the
// server parses each piece alone, optionally half-closes, then reads until
// a whole response arrived, the server closed, or 10 s passed (Pistache
// keeps the connection open after answering, even with Connection: close).
// Returns what the server sent; `closed` tells whether the server closed.
std::string Exchange(uint16_t port, const std::vector<std::string>& pieces, bool half_close, bool* closed = nullptr) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)), 0);
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_EQ(send(fd, pieces[i].data(), pieces[i].size(), MSG_NOSIGNAL), static_cast<ssize_t>(pieces[i].size()));
  }
  if (half_close) shutdown(fd, SHUT_WR);
  std::string answer;
  bool eof = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!eof && !(!half_close && Complete(answer)) && std::chrono::steady_clock::now() < deadline) {
    pollfd poll_fd{fd, POLLIN, 0};
    if (poll(&poll_fd, 1, 100) <= 0) continue;
    char buffer[4096];
    const ssize_t n = recv(fd, buffer, sizeof(buffer), 0);
    if (n <= 0) {
      eof = true;
    } else {
      answer.append(buffer, static_cast<size_t>(n));
    }
  }
  close(fd);
  if (closed != nullptr) *closed = eof;
  return answer;
}

class PistacheParserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    service_ = new ServiceProcess();
    ASSERT_TRUE(service_->Start()) << service_->ServerLog();
  }
  static void TearDownTestSuite() { delete service_; }

  // The service process is alive and answers GET /healthz with 200.
  static void ExpectStillServing() {
    EXPECT_EQ(kill(service_->pid(), 0), 0) << "the service died";
    HttpClient client(service_->port());
    EXPECT_EQ(client.Get("/healthz").status, 200);
  }

  static ServiceProcess* service_;
};

ServiceProcess* PistacheParserTest::service_ = nullptr;

TEST_F(PistacheParserTest, RequestLineOf32BytesEndingInCarriageReturnIsAnsweredOnceComplete) {
  const std::string first = "GET /healthz?pad=xxxxx HTTP/1.1\r";
  ASSERT_EQ(first.size(), 32u);  // the parser's buffer is then exactly full
  const std::string answer =
      Exchange(service_->port(), {first, "\nHost: x\r\nConnection: close\r\n\r\n"}, /*half_close=*/false);
  EXPECT_EQ(answer.rfind("HTTP/1.1 200 ", 0), 0u) << answer;
  ExpectStillServing();
}

TEST_F(PistacheParserTest, HeaderLineWhoseCarriageReturnIsByte4095IsAnswered) {
  std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: ";
  request.append(4095 - request.size(), 'p');
  request += "\r\nConnection: close\r\n\r\n";
  ASSERT_EQ(request[4095], '\r');
  const std::string answer = Exchange(service_->port(), {request}, /*half_close=*/false);
  EXPECT_EQ(answer.rfind("HTTP/1.1 200 ", 0), 0u) << answer;
  ExpectStillServing();
}

TEST_F(PistacheParserTest, ChunkSizeLineSplitAtItsCarriageReturnStillDeliversTheReport) {
  HttpClient client(service_->port());
  const std::string body =
      BuildReport(nlohmann::json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body), "chunked").dump();
  char size_line[32];
  snprintf(size_line, sizeof(size_line), "%zx\r", body.size());
  const std::string head =
      "POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  const int64_t reports_before = CountRows(service_->database_path(), "reports");
  const std::string answer =
      Exchange(service_->port(), {head + size_line, "\n" + body + "\r\n0\r\n\r\n"}, /*half_close=*/false);
  ASSERT_EQ(answer.rfind("HTTP/1.1 201 ", 0), 0u) << answer;
  EXPECT_EQ(CountRows(service_->database_path(), "reports"), reports_before + 1);
  const size_t json_start = answer.find("\r\n\r\n");
  ASSERT_NE(json_start, std::string::npos);
  const std::string receipt = nlohmann::json::parse(answer.substr(json_start + 4))["receipt"];
  const auto opened = OpenReportWithReceipt(service_->data_dir(), receipt);
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  EXPECT_EQ(opened->at("summary"), nlohmann::json::parse(body)["answers"]["summary"]);
  ExpectStillServing();
}

TEST_F(PistacheParserTest, RequestCutAtCarriageReturnIsDroppedWithoutAServerError) {
  for (const std::string cut : {"GET /healthz HTTP/1.1\r", "GET /healthz?pad=xxxxx HTTP/1.1\r",
                                "GET /healthz HTTP/1.1\r\nHost: x\r"}) {
    bool closed = false;
    const std::string answer = Exchange(service_->port(), {cut}, /*half_close=*/true, &closed);
    EXPECT_TRUE(closed) << "the connection stayed open after the client's end";
    EXPECT_TRUE(answer.empty() || answer.rfind("HTTP/1.1 4", 0) == 0) << answer;
  }
  ExpectStillServing();
}

}  // namespace
}  // namespace pillarbox::testing
