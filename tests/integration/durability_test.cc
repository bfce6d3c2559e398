// Acknowledged means durable: under saturation (503 + Retry-After), after
// kill -9, and across a SIGTERM in the middle of a stream of submissions.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "instance_inspector.h"
#include "report_payloads.h"
#include "store/database.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

struct Outcomes {
  std::mutex mutex;
  std::vector<std::string> receipts;  // of 201 answers
  int unavailable = 0;                // 503 answers
  int retry_after_missing = 0;
  int other = 0;
};

// `threads` clients each POST `per_thread` reports (or until `stop` is set).
void Submit(uint16_t port, const std::string& body, int threads, int per_thread, Outcomes& outcomes,
            const std::atomic<bool>* stop = nullptr) {
  std::vector<std::thread> clients;
  for (int t = 0; t < threads; ++t) {
    clients.emplace_back([&, port] {
      HttpClient client(port);
      for (int i = 0; i < per_thread && (stop == nullptr || !stop->load()); ++i) {
        const HttpResponse response = client.PostJson("/api/v1/reports", body);
        std::lock_guard<std::mutex> lock(outcomes.mutex);
        if (response.status == 201) {
          outcomes.receipts.push_back(nlohmann::json::parse(response.body)["receipt"]);
        } else if (response.status == 503) {
          ++outcomes.unavailable;
          if (response.Header("retry-after").empty()) ++outcomes.retry_after_missing;
        } else {
          ++outcomes.other;
        }
      }
    });
  }
  for (auto& client : clients) client.join();
}

std::string ValidBody(uint16_t port) {
  HttpClient client(port);
  return BuildReport(nlohmann::json::parse(client.Get("/api/v1/questionnaires/algorithmic_injustice").body), "d")
      .dump();
}

void ExpectIntegrityOk(const std::string& db_path) {
  auto db = store::Database::Open(db_path, store::OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok());
  auto check = (*db)->Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(check.ok());
  ASSERT_TRUE((*check)->Step().ok());
  EXPECT_EQ((*check)->ColumnText(0), "ok");
}

TEST(DurabilityTest, SaturationAnswers503WithRetryAfterAndStoresExactlyTheAcknowledged) {
  ServiceProcess service;
  // The quota off: this test is about the queue depth limit.
  ASSERT_TRUE(service.Start({"--queue-capacity", "2", "--max-batch", "1", "--submissions-per-minute", "0"}));
  Outcomes outcomes;
  Submit(service.port(), ValidBody(service.port()), 48, 6, outcomes);
  EXPECT_GT(outcomes.unavailable, 0) << "48 clients against a queue of 2 never saturated it";
  EXPECT_EQ(outcomes.retry_after_missing, 0);
  EXPECT_EQ(outcomes.other, 0);
  EXPECT_GT(outcomes.receipts.size(), 0u);
  EXPECT_EQ(CountRows(service.database_path(), "reports"), static_cast<int64_t>(outcomes.receipts.size()));
}

TEST(DurabilityTest, EveryAcknowledgedReportSurvivesKillNine) {
  ServiceProcess service;
  ASSERT_TRUE(service.Start({"--submissions-per-minute", "0"}));  // 160 reports at once: no quota
  Outcomes outcomes;
  Submit(service.port(), ValidBody(service.port()), 16, 10, outcomes);
  ASSERT_EQ(outcomes.receipts.size(), 160u);
  service.Kill();
  EXPECT_EQ(CountRows(service.database_path(), "reports"), 160);
  ExpectIntegrityOk(service.database_path());
  for (const std::string& receipt : outcomes.receipts) {
    auto answers = OpenReportWithReceipt(service.data_dir(), receipt);
    ASSERT_TRUE(answers.ok()) << answers.status().ToString();
    EXPECT_FALSE((*answers)["narrative"].empty());
  }
  // And the instance serves again afterwards.
  ASSERT_TRUE(service.Start());
  HttpClient client(service.port());
  EXPECT_EQ(client.Get("/healthz").status, 200);
}

TEST(DurabilityTest, SigtermDuringASubmissionStreamLosesNoAcknowledgedReport) {
  ServiceProcess service;
  ASSERT_TRUE(service.Start({"--submissions-per-minute", "0"}));  // a stream of reports: no quota
  const std::string body = ValidBody(service.port());
  Outcomes outcomes;
  std::atomic<bool> stop{false};
  std::thread stream([&] { Submit(service.port(), body, 8, 100000, outcomes, &stop); });
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  EXPECT_EQ(service.Stop(), 0);
  stop = true;
  stream.join();
  ASSERT_GT(outcomes.receipts.size(), 0u);
  EXPECT_GE(CountRows(service.database_path(), "reports"), static_cast<int64_t>(outcomes.receipts.size()));
  ExpectIntegrityOk(service.database_path());
  for (const std::string& receipt : outcomes.receipts) {
    ASSERT_TRUE(OpenReportWithReceipt(service.data_dir(), receipt).ok());
  }
}

}  // namespace
}  // namespace pillarbox::testing
