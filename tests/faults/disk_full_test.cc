// Disk full, with the real binary: `pillarbox serve` under a file-size quota
// (RLIMIT_FSIZE, works in any container) and on a small tmpfs over its data
// folder (mounted when this process may; otherwise the quota again, never a
// skip). Reports are POSTed until the disk is full: every answer is a 201 or
// a 503 with Retry-After, the server keeps answering, and after a restart
// without the limit every acknowledged receipt opens its report, nothing
// else was stored, integrity_check is ok, the audit chain verifies and new
// reports are accepted again.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/audit_verification.h"
#include "disk_limit.h"
#include "integration/instance_inspector.h"
#include "integration/report_payloads.h"
#include "privacy/instance_secret.h"
#include "store/database.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

constexpr int kMaxSubmissions = 4000;
constexpr int kFailuresToStop = 25;  // consecutive refusals: the disk is full for good
// Small queue and batches, so each report is its own commit.
const std::vector<std::string> kServeArgs = {"--submissions-per-minute", "0", "--max-batch", "1"};

struct DiskFullOutcome {
  std::vector<std::string> receipts;  // of 201 answers
  int refused = 0;                    // 503 answers
  int retry_after_missing = 0;
  int other = 0;                      // any other answer (none expected)
  int last_other_status = 0;
};

std::string ValidBody(uint16_t port) {
  HttpClient client(port);
  const HttpResponse questionnaire = client.Get("/api/v1/questionnaires/algorithmic_injustice");
  return BuildReport(nlohmann::json::parse(questionnaire.body), "DISKFULL-CANARY").dump();
}

// POSTs reports one at a time until kFailuresToStop refusals in a row.
DiskFullOutcome SubmitUntilFull(uint16_t port) {
  const std::string body = ValidBody(port);
  HttpClient client(port);
  DiskFullOutcome outcome;
  int refused_in_a_row = 0;
  for (int i = 0; i < kMaxSubmissions && refused_in_a_row < kFailuresToStop; ++i) {
    const HttpResponse response = client.PostJson("/api/v1/reports", body);
    if (response.status == 201) {
      outcome.receipts.push_back(nlohmann::json::parse(response.body)["receipt"]);
      refused_in_a_row = 0;
    } else if (response.status == 503) {
      ++outcome.refused;
      ++refused_in_a_row;
      if (response.Header("retry-after").empty()) ++outcome.retry_after_missing;
    } else {
      ++outcome.other;
      ++refused_in_a_row;
      outcome.last_other_status = response.status;
    }
  }
  return outcome;
}

std::string IntegrityCheck(const std::string& db_path) {
  auto db = store::Database::Open(db_path, store::OpenMode::kReadOnly);
  if (!db.ok()) return db.status().ToString();
  auto check = (*db)->Prepare("PRAGMA integrity_check");
  if (!check.ok() || !(*check)->Step().ok()) return "could not run integrity_check";
  return (*check)->ColumnText(0);
}

bool AuditChainVerifies(const ServiceProcess& service) {
  auto keys = privacy::InstanceKeys::LoadFile(service.secret_path());
  auto db = store::Database::Open(service.database_path(), store::OpenMode::kReadOnly);
  if (!keys.ok() || !db.ok()) return false;
  auto verification = audit::VerifyAuditLog(**db, keys->audit_key());
  return verification.ok() && verification->ok;
}

// Checks what the full disk left, after the server stopped and restarts
// without a limit.
void ExpectCleanAfterRestart(ServiceProcess& service, const DiskFullOutcome& outcome) {
  EXPECT_EQ(outcome.other, 0) << "an answer other than 201 or 503: " << outcome.last_other_status;
  EXPECT_EQ(outcome.retry_after_missing, 0);
  EXPECT_GT(outcome.receipts.size(), 0u) << "nothing was accepted before the disk filled";
  EXPECT_GE(outcome.refused, kFailuresToStop) << "the disk never filled";
  EXPECT_EQ(IntegrityCheck(service.database_path()), "ok");
  EXPECT_EQ(CountRows(service.database_path(), "reports"), static_cast<int64_t>(outcome.receipts.size()))
      << "stored reports differ from the acknowledged ones";
  EXPECT_TRUE(AuditChainVerifies(service));
  for (const std::string& receipt : outcome.receipts) {
    auto answers = OpenReportWithReceipt(service.data_dir(), receipt);
    ASSERT_TRUE(answers.ok()) << "an acknowledged receipt does not open: " << answers.status().ToString();
    EXPECT_FALSE(answers->empty());
  }
  ASSERT_TRUE(service.Start(kServeArgs));
  HttpClient client(service.port());
  EXPECT_EQ(client.PostJson("/api/v1/reports", ValidBody(service.port())).status, 201);
  EXPECT_EQ(service.Stop(), 0);
  EXPECT_EQ(IntegrityCheck(service.database_path()), "ok");
}

void Report(const char* how, const DiskFullOutcome& outcome) {
  std::printf("[disk-full] %s: %zu accepted (201), %d refused (503), %d other\n", how, outcome.receipts.size(),
              outcome.refused, outcome.other);
  std::fflush(stdout);
}

TEST(DiskFullTest, FileSizeQuotaGives503AndKeepsEveryAcknowledgedReport) {
  ServiceProcess service;
  // Above the initialized database, so that the server starts and takes
  // some reports before its files reach the limit.
  const uint64_t limit = static_cast<uint64_t>(ReadDatabaseFiles(service.database_path()).size()) + 512 * 1024;
  ASSERT_TRUE(StartWithFileSizeLimit(service, limit, kServeArgs));
  const DiskFullOutcome outcome = SubmitUntilFull(service.port());
  Report("file-size quota", outcome);
  HttpClient client(service.port());
  EXPECT_EQ(client.Get("/healthz").status, 200) << "the server stopped answering";
  service.Stop();
  ExpectCleanAfterRestart(service, outcome);
}

TEST(DiskFullTest, SmallFilesystemGives503AndKeepsEveryAcknowledgedReport) {
  ServiceProcess service;
  const uint64_t limit = static_cast<uint64_t>(ReadDatabaseFiles(service.database_path()).size()) + 1024 * 1024;
  SmallFilesystem filesystem(service.data_dir(), limit);
  DiskFullOutcome outcome;
  if (filesystem.mounted()) {
    ASSERT_EQ(filesystem.error(), "");
    ASSERT_TRUE(service.Start(kServeArgs));
    outcome = SubmitUntilFull(service.port());
    Report("small tmpfs", outcome);
  } else {
    std::printf("[disk-full] no tmpfs (%s): the file-size quota instead\n", filesystem.error().c_str());
    ASSERT_TRUE(StartWithFileSizeLimit(service, limit, kServeArgs));
    outcome = SubmitUntilFull(service.port());
    Report("file-size quota (fallback)", outcome);
  }
  HttpClient client(service.port());
  EXPECT_EQ(client.Get("/healthz").status, 200) << "the server stopped answering";
  service.Stop();
  if (filesystem.mounted()) {
    ASSERT_TRUE(filesystem.Unmount());
  }
  ExpectCleanAfterRestart(service, outcome);
}

}  // namespace
}  // namespace pillarbox::testing
