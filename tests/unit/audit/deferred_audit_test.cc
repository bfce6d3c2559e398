// Deferred audit entries: a reporter's entry waits until its day is over and
// then joins the chain after every staff entry of that day, stamped 00:00
// UTC, so neither its time nor its place in the chain dates it to less than
// the day. The chain still verifies.
#include "audit/deferred_audit.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "audit/audit_log.h"
#include "audit/audit_verification.h"
#include "store/transaction.h"
#include "support/manual_clock.h"
#include "unit/store/store_test_util.h"

namespace pillarbox::audit {
namespace {

constexpr int64_t kDay = 86400;
// 2024-06-15 00:00:00 UTC, the ManualClock's day.
constexpr int64_t kDayStart = 1718409600;

AuditEvent Staff(int i) { return {"user1", "report.viewed", "report", "r" + std::to_string(i), ""}; }
AuditEvent Reporter(int i) { return {kReporterActor, "report.message.received", "report", "r1", "seq=" + std::to_string(i)}; }

class DeferredAuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::test::OpenMigratedDatabase(dir_.File("audit.db"));
    ASSERT_NE(db_, nullptr);
  }

  void InTransaction(const std::function<Status()>& write) {
    store::Transaction transaction(*db_);
    ASSERT_TRUE(transaction.Begin().ok());
    const Status written = write();
    ASSERT_TRUE(written.ok()) << written.ToString();
    ASSERT_TRUE(transaction.Commit().ok());
  }
  void AppendStaff(int i) { InTransaction([&] { return AppendAuditEntry(*db_, key_, clock_, Staff(i)); }); }
  void DeferReporter(int i) { InTransaction([&] { return DeferAuditEntry(*db_, clock_, Reporter(i)); }); }

  std::vector<AuditEntry> Chain() {
    auto entries = ListAuditEntries(*db_, 0, kMaxAuditPage);
    EXPECT_TRUE(entries.ok()) << entries.status().ToString();
    return entries.ok() ? *entries : std::vector<AuditEntry>{};
  }

  int64_t Waiting() { return store::test::QueryInt(*db_, "SELECT count(*) FROM audit_deferred"); }

  pillarbox::testing::TempDir dir_;
  std::unique_ptr<store::Database> db_;
  privacy::SecretKey key_ = privacy::SecretKey::Random();
  pillarbox::testing::ManualClock clock_;  // 2024-06-15 12:00:00 UTC
};

TEST_F(DeferredAuditTest, AReporterEntryWaitsForTheEndOfItsDay) {
  AppendStaff(1);
  clock_.Advance(60);
  DeferReporter(1);
  clock_.Advance(60);
  AppendStaff(2);
  // Same day: the reporter's entry is not in the chain between the two staff entries.
  std::vector<AuditEntry> chain = Chain();
  ASSERT_EQ(chain.size(), 2u);
  EXPECT_EQ(chain[0].object_id, "r1");
  EXPECT_EQ(chain[1].object_id, "r2");
  EXPECT_EQ(Waiting(), 1);
}

TEST_F(DeferredAuditTest, TheNextDaysFirstAppendChainsItAtMidnightBeforeTheNewEntry) {
  AppendStaff(1);
  clock_.Advance(60);
  DeferReporter(1);
  clock_.Advance(60);
  AppendStaff(2);
  clock_.Set(kDayStart + kDay + 3600);  // the next day, 01:00
  AppendStaff(3);

  const std::vector<AuditEntry> chain = Chain();
  ASSERT_EQ(chain.size(), 4u);
  EXPECT_EQ(chain[0].object_id, "r1");
  EXPECT_EQ(chain[1].object_id, "r2");
  EXPECT_EQ(chain[2].actor, kReporterActor);  // after every staff entry of its day
  EXPECT_EQ(chain[2].at, kDayStart);          // 00:00 of its day, no time
  EXPECT_EQ(chain[2].detail, "seq=1");
  EXPECT_EQ(chain[3].object_id, "r3");
  EXPECT_EQ(Waiting(), 0);
  const auto verified = VerifyAuditLog(*db_, key_);
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->ok) << verified->problem;
  EXPECT_EQ(verified->entries, 4);
}

TEST_F(DeferredAuditTest, TodaysEntriesStayWhileEarlierDaysAreFlushed) {
  DeferReporter(1);
  clock_.Set(kDayStart + kDay + 60);
  DeferReporter(2);
  auto flushed = [&] {
    int64_t count = -1;
    InTransaction([&]() -> Status {
      PB_ASSIGN_OR_RETURN(count, FlushDeferredAuditEntries(*db_, key_, clock_));
      return Status::Ok();
    });
    return count;
  };
  EXPECT_EQ(flushed(), 1);
  EXPECT_EQ(Waiting(), 1);
  EXPECT_EQ(flushed(), 0);
  ASSERT_EQ(Chain().size(), 1u);
  EXPECT_EQ(Chain()[0].detail, "seq=1");
}

TEST_F(DeferredAuditTest, SeveralEntriesOfADayJoinInIdOrderNotArrivalOrder) {
  for (int i = 1; i <= 30; ++i) DeferReporter(i);
  const std::string by_id = store::test::QueryText(*db_, "SELECT group_concat(detail, ',') FROM "
                                                         "(SELECT detail FROM audit_deferred ORDER BY id)");
  clock_.Set(kDayStart + kDay);
  InTransaction([&] { return FlushDeferredAuditEntries(*db_, key_, clock_).status(); });
  std::string chained;
  for (const AuditEntry& entry : Chain()) chained += (chained.empty() ? "" : ",") + entry.detail;
  EXPECT_EQ(chained, by_id);
  std::string arrival;
  for (int i = 1; i <= 30; ++i) arrival += (i == 1 ? "" : ",") + std::string("seq=") + std::to_string(i);
  EXPECT_NE(chained, arrival) << "30 random ids came out in arrival order";
}

TEST_F(DeferredAuditTest, BadEventsAndMissingTransactionsAreRefused) {
  EXPECT_EQ(DeferAuditEntry(*db_, clock_, Reporter(1)).code(), StatusCode::kFailedPrecondition);
  store::Transaction transaction(*db_);
  ASSERT_TRUE(transaction.Begin().ok());
  const Status refused = DeferAuditEntry(*db_, clock_, {kReporterActor, "report.message.received", "report", "r1",
                                                        "text=free text"});
  EXPECT_EQ(refused.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.field(), "detail");
}

}  // namespace
}  // namespace pillarbox::audit
