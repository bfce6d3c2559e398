// The audit log's chain against a real migrated database: appends, listing,
// and verification that names the first edited, deleted or reordered entry.
#include "audit/audit_log.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "audit/audit_mac.h"
#include "audit/audit_verification.h"
#include "store/transaction.h"
#include "support/manual_clock.h"
#include "unit/store/store_test_util.h"

namespace pillarbox::audit {
namespace {

using store::test::QueryInt;
using store::test::QueryText;

// Entry `i` (from 1): a reviewer action with closed-value details.
AuditEvent EventNumber(int i) {
  static const char* const kActions[] = {"auth.login.succeeded",  "report.viewed",   "report.decrypted",
                                         "report.status.changed", "report.exported", "desk.member.added"};
  const std::string action = kActions[i % 6];
  return AuditEvent{"user" + std::to_string(i % 4), action, action.substr(0, action.find('.')),
                    "obj" + std::to_string(i), "n=" + std::to_string(i) + ";kind=voice_cloning"};
}

class AuditLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::test::OpenMigratedDatabase(dir_.File("audit.db"));
    ASSERT_NE(db_, nullptr);
  }

  // Appends entries first..last (EventNumber), one transaction each, one second apart.
  void Append(int first, int last) {
    for (int i = first; i <= last; ++i) {
      store::Transaction transaction(*db_);
      ASSERT_TRUE(transaction.Begin().ok());
      const Status appended = AppendAuditEntry(*db_, key_, clock_, EventNumber(i));
      ASSERT_TRUE(appended.ok()) << appended.ToString();
      ASSERT_TRUE(transaction.Commit().ok());
      clock_.Advance(1);
    }
  }

  AuditVerification Verify(const privacy::SecretKey& key) {
    Result<AuditVerification> result = VerifyAuditLog(*db_, key);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? *result : AuditVerification{false, -1, -1, "not run"};
  }
  AuditVerification Verify() { return Verify(key_); }

  void Run(const std::string& sql) {
    const Status status = db_->Execute(sql);
    ASSERT_TRUE(status.ok()) << sql << ": " << status.ToString();
  }

  pillarbox::testing::TempDir dir_;
  std::unique_ptr<store::Database> db_;
  privacy::SecretKey key_ = privacy::SecretKey::Random();
  pillarbox::testing::ManualClock clock_;
};

TEST_F(AuditLogTest, EmptyLogVerifiesWithZeroEntries) {
  const AuditVerification result = Verify();
  EXPECT_TRUE(result.ok);
  EXPECT_EQ(result.entries, 0);
  EXPECT_EQ(result.first_bad_seq, 0);
  EXPECT_EQ(result.problem, "");
}

TEST_F(AuditLogTest, TwentyEntriesVerify) {
  Append(1, 20);
  const AuditVerification result = Verify();
  EXPECT_TRUE(result.ok) << result.problem;
  EXPECT_EQ(result.entries, 20);
  EXPECT_EQ(result.first_bad_seq, 0);
}

TEST_F(AuditLogTest, EntriesAreNumberedTimedAndChained) {
  const int64_t start = clock_.NowUnixSeconds();
  Append(1, 5);
  Result<std::vector<AuditEntry>> entries = ListAuditEntries(*db_, 0, 100);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 5u);
  std::vector<uint8_t> previous(kAuditMacBytes, 0);
  for (size_t i = 0; i < entries->size(); ++i) {
    const AuditEntry& entry = (*entries)[i];
    const AuditEvent event = EventNumber(static_cast<int>(i) + 1);
    EXPECT_EQ(entry.seq, static_cast<int64_t>(i) + 1);
    EXPECT_EQ(entry.at, start + static_cast<int64_t>(i));
    EXPECT_EQ(entry.actor, event.actor);
    EXPECT_EQ(entry.action, event.action);
    EXPECT_EQ(entry.object_type, event.object_type);
    EXPECT_EQ(entry.object_id, event.object_id);
    EXPECT_EQ(entry.detail, event.detail);
    EXPECT_EQ(entry.prev_mac, previous);
    EXPECT_EQ(entry.mac, AuditEntryMac(key_, entry));
    previous = entry.mac;
  }
  EXPECT_EQ(QueryText(*db_, "SELECT value FROM meta WHERE key = 'audit_head'").substr(0, 2), "5:");
}

TEST_F(AuditLogTest, ListPagesAfterASeq) {
  Append(1, 10);
  Result<std::vector<AuditEntry>> page = ListAuditEntries(*db_, 5, 3);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 3u);
  EXPECT_EQ((*page)[0].seq, 6);
  EXPECT_EQ((*page)[2].seq, 8);
  EXPECT_TRUE(ListAuditEntries(*db_, 10, 3)->empty());
  EXPECT_EQ(ListAuditEntries(*db_, 0, 0).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ListAuditEntries(*db_, 0, kMaxAuditPage + 1).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ListAuditEntries(*db_, -1, 3).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(AuditLogTest, AppendOutsideATransactionIsRefused) {
  const Status status = AppendAuditEntry(*db_, key_, clock_, EventNumber(1));
  EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(QueryInt(*db_, "SELECT COUNT(*) FROM audit_log"), 0);
}

TEST_F(AuditLogTest, AppendRefusesFreeTextAndWritesNothing) {
  store::Transaction transaction(*db_);
  ASSERT_TRUE(transaction.Begin().ok());
  AuditEvent event = EventNumber(1);
  event.detail = "note=the reporter said hello";
  const Status status = AppendAuditEntry(*db_, key_, clock_, event);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.field(), "detail");
  EXPECT_EQ(QueryInt(*db_, "SELECT COUNT(*) FROM audit_log"), 0);
}

TEST_F(AuditLogTest, RolledBackAppendLeavesNoEntryAndNoHead) {
  Append(1, 3);
  {
    store::Transaction transaction(*db_);
    ASSERT_TRUE(transaction.Begin().ok());
    ASSERT_TRUE(AppendAuditEntry(*db_, key_, clock_, EventNumber(4)).ok());
  }  // rolled back
  const AuditVerification result = Verify();
  EXPECT_TRUE(result.ok) << result.problem;
  EXPECT_EQ(result.entries, 3);
  Append(4, 6);
  EXPECT_TRUE(Verify().ok);
  EXPECT_EQ(Verify().entries, 6);
}

TEST_F(AuditLogTest, EditingAnyColumnOfEntry7IsFoundAtEntry7) {
  Append(1, 20);
  const std::vector<std::string> edits = {
      "at = at + 1",          "actor = 'user9'",           "action = 'report.exported'",
      "object_type = 'user'", "object_id = 'obj99'",       "detail = 'n=7;kind=deepfake'",
      "mac = randomblob(32)", "prev_mac = randomblob(32)",
  };
  Run("CREATE TEMP TABLE original AS SELECT * FROM audit_log WHERE seq = 7");
  for (const std::string& edit : edits) {
    Run("UPDATE audit_log SET " + edit + " WHERE seq = 7");
    const AuditVerification result = Verify();
    EXPECT_FALSE(result.ok) << edit;
    EXPECT_EQ(result.first_bad_seq, 7) << edit;
    EXPECT_EQ(result.entries, 6) << edit;
    EXPECT_FALSE(result.problem.empty()) << edit;
    Run("UPDATE audit_log SET (at, actor, action, object_type, object_id, detail, prev_mac, mac) = "
        "(SELECT at, actor, action, object_type, object_id, detail, prev_mac, mac FROM original) WHERE seq = 7");
    ASSERT_TRUE(Verify().ok) << "restoring after " << edit;
  }
}

TEST_F(AuditLogTest, DeletedEntryIsNamedByItsMissingSeq) {
  Append(1, 20);
  Run("DELETE FROM audit_log WHERE seq = 7");
  const AuditVerification result = Verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 7);
  EXPECT_EQ(result.entries, 6);
  EXPECT_NE(result.problem.find("missing"), std::string::npos) << result.problem;
}

TEST_F(AuditLogTest, DeletedFirstEntryIsFoundAtEntry1) {
  Append(1, 5);
  Run("DELETE FROM audit_log WHERE seq = 1");
  const AuditVerification result = Verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 1);
  EXPECT_EQ(result.entries, 0);
}

TEST_F(AuditLogTest, DeletedAndRenumberedEntryIsFoundWhereTheGapWas) {
  Append(1, 20);
  Run("DELETE FROM audit_log WHERE seq = 7");
  for (int seq = 8; seq <= 20; ++seq) {
    Run("UPDATE audit_log SET seq = " + std::to_string(seq - 1) + " WHERE seq = " + std::to_string(seq));
  }
  const AuditVerification result = Verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 7);
  EXPECT_NE(result.problem.find("prev_mac"), std::string::npos) << result.problem;
}

TEST_F(AuditLogTest, SwappedEntriesAreFoundAtTheEarlierOne) {
  Append(1, 20);
  Run("UPDATE audit_log SET seq = 100 WHERE seq = 5");
  Run("UPDATE audit_log SET seq = 5 WHERE seq = 3");
  Run("UPDATE audit_log SET seq = 3 WHERE seq = 100");
  const AuditVerification result = Verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 3);
  EXPECT_EQ(result.entries, 2);
}

TEST_F(AuditLogTest, DeletedTailIsFoundThroughTheHead) {
  Append(1, 20);
  Run("DELETE FROM audit_log WHERE seq > 17");
  const AuditVerification result = Verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 20);
  EXPECT_EQ(result.entries, 17);
  EXPECT_NE(result.problem.find("ends at entry 17"), std::string::npos) << result.problem;
}

TEST_F(AuditLogTest, AHeadForAnEarlierEntryCannotBeForgedWithoutTheKey) {
  Append(1, 20);
  Run("DELETE FROM audit_log WHERE seq > 17");
  // What a database thief can write: entry 17's own seq and mac as the head.
  Run("UPDATE meta SET value = '17:' || lower(hex((SELECT mac FROM audit_log WHERE seq = 17))) "
      "WHERE key = 'audit_head'");
  const AuditVerification result = Verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 17);
}

TEST_F(AuditLogTest, DeletedOrMalformedHeadIsFound) {
  Append(1, 4);
  Run("UPDATE meta SET value = 'garbage' WHERE key = 'audit_head'");
  AuditVerification result = Verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 4);
  Run("DELETE FROM meta WHERE key = 'audit_head'");
  result = Verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 4);
}

TEST_F(AuditLogTest, EmptiedLogIsFoundThroughTheHead) {
  Append(1, 20);
  Run("DELETE FROM audit_log");
  const AuditVerification result = Verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 20);
  EXPECT_EQ(result.entries, 0);
}

TEST_F(AuditLogTest, AnotherKeyFailsAtEntry1) {
  Append(1, 20);
  const AuditVerification result = Verify(privacy::SecretKey::Random());
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 1);
  EXPECT_EQ(result.entries, 0);
}

TEST_F(AuditLogTest, VerifiesAcrossPagesAndFindsALateEdit) {
  {
    store::Transaction transaction(*db_);
    ASSERT_TRUE(transaction.Begin().ok());
    for (int i = 1; i <= kMaxAuditPage + 5; ++i) ASSERT_TRUE(AppendAuditEntry(*db_, key_, clock_, EventNumber(i)).ok());
    ASSERT_TRUE(transaction.Commit().ok());
  }
  AuditVerification result = Verify();
  EXPECT_TRUE(result.ok) << result.problem;
  EXPECT_EQ(result.entries, kMaxAuditPage + 5);
  Run("UPDATE audit_log SET actor = 'cli' WHERE seq = 1003");
  result = Verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 1003);
}

TEST_F(AuditLogTest, VerifiesOnAReadOnlyConnection) {
  Append(1, 5);
  auto reader = store::Database::Open(dir_.File("audit.db"), store::OpenMode::kReadOnly);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  Result<AuditVerification> result = VerifyAuditLog(**reader, key_);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_TRUE(result->ok);
  EXPECT_EQ(result->entries, 5);
}

}  // namespace
}  // namespace pillarbox::audit
