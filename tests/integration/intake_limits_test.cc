// Anti-abuse on POST /api/v1/reports against the real binary: the global
// submission quota (503 with the quota's own Retry-After, charged only by
// valid reports), the optional proof-of-work (X-Pillarbox-Pow), and the
// header timeout that cuts off a client trickling its headers.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

#include "instance_inspector.h"
#include "pow_solver.h"
#include "report_payloads.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

std::string ValidReport(uint16_t port, const std::string& canary) {
  HttpClient client(port);
  return BuildReport(nlohmann::json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body), canary).dump();
}

std::string InvalidReport(uint16_t port) {
  auto report = nlohmann::json::parse(ValidReport(port, "BAD"));
  report["answers"]["region"] = "not-a-region";
  return report.dump();
}

TEST(IntakeLimitsTest, QuotaAnswers503WithItsOwnRetryAfterAndInvalidReportsDoNotUseIt) {
  ServiceProcess service;
  // One submission every 10 s, two at once.
  ASSERT_TRUE(service.Start({"--submissions-per-minute", "6", "--submission-burst", "2"})) << service.ServerLog();
  HttpClient client(service.port());
  const std::string invalid = InvalidReport(service.port());
  for (int i = 0; i < 5; ++i) {
    const HttpResponse refused = client.PostJson("/api/v1/reports", invalid);
    ASSERT_EQ(refused.status, 400) << refused.body;
    EXPECT_EQ(nlohmann::json::parse(refused.body)["error"]["field"], "answers.region");
  }
  const std::string valid = ValidReport(service.port(), "QUOTA");
  EXPECT_EQ(client.PostJson("/api/v1/reports", valid).status, 201);
  EXPECT_EQ(client.PostJson("/api/v1/reports", valid).status, 201);
  const HttpResponse over = client.PostJson("/api/v1/reports", valid);
  ASSERT_EQ(over.status, 503) << over.body;
  EXPECT_EQ(nlohmann::json::parse(over.body)["error"]["code"], "resource_exhausted");
  const int retry_after = std::atoi(over.Header("retry-after").c_str());
  EXPECT_GE(retry_after, 8) << over.Header("retry-after");  // the quota's wait, not the generic 1
  EXPECT_LE(retry_after, 10);
  EXPECT_EQ(CountRows(service.database_path(), "reports"), 2);
}

TEST(IntakeLimitsTest, QuotaZeroTurnsItOff) {
  ServiceProcess service;
  ASSERT_TRUE(service.Start({"--submissions-per-minute", "0", "--submission-burst", "1"})) << service.ServerLog();
  HttpClient client(service.port());
  const std::string valid = ValidReport(service.port(), "NOQUOTA");
  for (int i = 0; i < 5; ++i) EXPECT_EQ(client.PostJson("/api/v1/reports", valid).status, 201);
  EXPECT_EQ(CountRows(service.database_path(), "reports"), 5);
}

TEST(IntakeLimitsTest, ProofOfWorkIsOffByDefault) {
  ServiceProcess service;
  ASSERT_TRUE(service.Start()) << service.ServerLog();
  HttpClient client(service.port());
  EXPECT_EQ(client.Get("/api/v1/pow").status, 404);
  EXPECT_EQ(client.PostJson("/api/v1/reports", ValidReport(service.port(), "NOPOW")).status, 201);
}

TEST(IntakeLimitsTest, ProofOfWorkIsRequiredCheckedAndSingleUse) {
  ServiceProcess service;
  ASSERT_TRUE(service.Start({"--pow-bits", "8"})) << service.ServerLog();
  HttpClient client(service.port());
  const std::string valid = ValidReport(service.port(), "POW");

  const HttpResponse issued = client.Get("/api/v1/pow");
  ASSERT_EQ(issued.status, 200);
  const auto challenge = nlohmann::json::parse(issued.body);
  EXPECT_EQ(challenge["difficulty"], 8);
  EXPECT_EQ(challenge["expires_in"], 300);
  const std::string text = challenge["challenge"];
  EXPECT_EQ(text.size(), 82u);

  const auto post = [&](const std::optional<std::string>& pow) {
    std::map<std::string, std::string> headers;
    if (pow) headers["X-Pillarbox-Pow"] = *pow;
    return client.Request("POST", "/api/v1/reports", valid, "application/json", headers);
  };
  const auto expect_refused = [&](const std::optional<std::string>& pow, const std::string& message) {
    const HttpResponse refused = post(pow);
    ASSERT_EQ(refused.status, 400) << refused.body;
    const auto error = nlohmann::json::parse(refused.body)["error"];
    EXPECT_EQ(error["field"], "X-Pillarbox-Pow");
    EXPECT_NE(error["message"].get<std::string>().find(message), std::string::npos) << error;
  };
  expect_refused(std::nullopt, "required");
  expect_refused("no-colon", "<challenge>:<nonce>");
  expect_refused(text + ":", "malformed nonce");
  expect_refused("abcd:1", "malformed challenge");
  std::string forged = text;
  forged[0] = forged[0] == 'a' ? 'b' : 'a';
  expect_refused(forged + ":" + SolveChallenge(forged, 8), "not issued here");
  // A nonce that does not solve it is refused, and does not spend the challenge.
  std::string wrong = "a";
  while (Solves(text, wrong, 8)) wrong += "a";
  expect_refused(text + ":" + wrong, "not enough leading zero bits");
  EXPECT_EQ(CountRows(service.database_path(), "reports"), 0);

  const std::string solved = text + ":" + SolveChallenge(text, 8);
  ASSERT_EQ(post(solved).status, 201);
  expect_refused(solved, "already used");
  EXPECT_EQ(CountRows(service.database_path(), "reports"), 1);

  // A fresh challenge works again.
  EXPECT_EQ(post(FetchAndSolve(client)).status, 201);
  EXPECT_EQ(CountRows(service.database_path(), "reports"), 2);
}

TEST(IntakeLimitsTest, ReceiptSignInAlsoNeedsProofOfWork) {
  ServiceProcess service;
  ASSERT_TRUE(service.Start({"--pow-bits", "8"})) << service.ServerLog();
  HttpClient client(service.port());
  const HttpResponse submitted = client.Request("POST", "/api/v1/reports", ValidReport(service.port(), "POWSIGNIN"),
                                                "application/json", {{"X-Pillarbox-Pow", FetchAndSolve(client)}});
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  const std::string receipt = nlohmann::json::parse(submitted.body)["receipt"];
  const std::string body = nlohmann::json{{"receipt", receipt}}.dump();
  const auto sign_in = [&](const std::map<std::string, std::string>& headers) {
    return client.Request("POST", "/api/v1/reporter/session", body, "application/json", headers);
  };

  const HttpResponse without = sign_in({});
  ASSERT_EQ(without.status, 400) << without.body;
  EXPECT_EQ(nlohmann::json::parse(without.body)["error"]["field"], "X-Pillarbox-Pow");
  const std::string solved = FetchAndSolve(client);
  const HttpResponse with = sign_in({{"X-Pillarbox-Pow", solved}});
  EXPECT_EQ(with.status, 201) << with.body;
  // Each guess at a receipt costs a fresh challenge.
  EXPECT_EQ(sign_in({{"X-Pillarbox-Pow", solved}}).status, 400);
}

TEST(IntakeLimitsTest, ATricklingClientIsCutOffByTheHeaderTimeout) {
  ServiceProcess service;
  ASSERT_TRUE(service.Start()) << service.ServerLog();
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(service.port());
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  timeval timeout{2, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  const auto opened = std::chrono::steady_clock::now();
  const std::string start = "POST /api/v1/reports HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  ASSERT_GT(send(fd, start.data(), start.size(), MSG_NOSIGNAL), 0);
  bool closed = false;
  for (int line = 0; line < 30 && !closed; ++line) {
    const std::string header = "X-Slow-" + std::to_string(line) + ": a\r\n";
    if (send(fd, header.data(), header.size(), MSG_NOSIGNAL) <= 0) break;
    pollfd poll_fd{fd, POLLIN, 0};
    if (poll(&poll_fd, 1, 1000) > 0) {
      char buffer[4096];
      while (true) {
        const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) closed = true;
        if (n <= 0) break;
      }
    }
  }
  const double after = std::chrono::duration<double>(std::chrono::steady_clock::now() - opened).count();
  close(fd);
  EXPECT_TRUE(closed) << "still open after " << after << " s";
  EXPECT_LE(after, 14.0);
}

}  // namespace
}  // namespace pillarbox::testing
