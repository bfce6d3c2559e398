// Re-keying the audit chain for a master key rotation: the chain verifies
// under the new key and no longer under the old one, entries keep their
// content, appends continue under the new key, and a chain that does not
// verify under the old key is refused and left as it was.
#include "audit/audit_rekey.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "audit/audit_log.h"
#include "audit/audit_verification.h"
#include "store/transaction.h"
#include "support/manual_clock.h"
#include "unit/store/store_test_util.h"

namespace pillarbox::audit {
namespace {

using store::test::QueryText;

class AuditRekeyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::test::OpenMigratedDatabase(dir_.File("audit.db"));
    ASSERT_NE(db_, nullptr);
  }

  void Append(const privacy::SecretKey& key, int count) {
    for (int i = 0; i < count; ++i) {
      store::Transaction transaction(*db_);
      ASSERT_TRUE(transaction.Begin().ok());
      ASSERT_TRUE(AppendAuditEntry(*db_, key, clock_,
                                   {"user1", "report.viewed", "report", "r" + std::to_string(i), "n=" + std::to_string(i)})
                      .ok());
      ASSERT_TRUE(transaction.Commit().ok());
      clock_.Advance(1);
    }
  }

  Result<int64_t> Rekey(const privacy::SecretKey& from, const privacy::SecretKey& to) {
    store::Transaction transaction(*db_);
    EXPECT_TRUE(transaction.Begin().ok());
    Result<int64_t> result = RekeyAuditLog(*db_, from, to);
    if (result.ok()) {
      EXPECT_TRUE(transaction.Commit().ok());
    }
    return result;
  }

  bool Verifies(const privacy::SecretKey& key) {
    Result<AuditVerification> result = VerifyAuditLog(*db_, key);
    EXPECT_TRUE(result.ok());
    return result.ok() && result->ok;
  }

  pillarbox::testing::TempDir dir_;
  std::unique_ptr<store::Database> db_;
  pillarbox::testing::ManualClock clock_{1'700'000'000};
  const privacy::SecretKey old_key_ = privacy::SecretKey::Random();
  const privacy::SecretKey new_key_ = privacy::SecretKey::Random();
};

TEST_F(AuditRekeyTest, TheChainMovesToTheNewKeyWithItsContent) {
  Append(old_key_, 1500);  // more than one page of kMaxAuditPage
  const std::string content_before =
      QueryText(*db_, "SELECT group_concat(seq || at || actor || action || object_id || detail, '|') FROM audit_log");
  const std::string macs_before = QueryText(*db_, "SELECT group_concat(hex(mac), '') FROM audit_log");
  Result<int64_t> rewritten = Rekey(old_key_, new_key_);
  ASSERT_TRUE(rewritten.ok()) << rewritten.status().ToString();
  EXPECT_EQ(*rewritten, 1500);
  EXPECT_TRUE(Verifies(new_key_));
  EXPECT_FALSE(Verifies(old_key_));
  EXPECT_EQ(QueryText(*db_, "SELECT group_concat(seq || at || actor || action || object_id || detail, '|') FROM audit_log"),
            content_before);
  EXPECT_NE(QueryText(*db_, "SELECT group_concat(hex(mac), '') FROM audit_log"), macs_before);
  Append(new_key_, 3);
  EXPECT_TRUE(Verifies(new_key_));
}

TEST_F(AuditRekeyTest, AnEditedChainIsRefusedAndLeftUntouched) {
  Append(old_key_, 20);
  ASSERT_TRUE(db_->Execute("UPDATE audit_log SET detail = 'n=99' WHERE seq = 7").ok());
  const std::string macs_before = QueryText(*db_, "SELECT group_concat(hex(mac), '') FROM audit_log");
  Result<int64_t> rewritten = Rekey(old_key_, new_key_);
  ASSERT_FALSE(rewritten.ok());
  EXPECT_EQ(rewritten.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(rewritten.status().message().find("entry 7"), std::string::npos) << rewritten.status().message();
  EXPECT_EQ(QueryText(*db_, "SELECT group_concat(hex(mac), '') FROM audit_log"), macs_before);
  EXPECT_FALSE(Verifies(new_key_));
}

}  // namespace
}  // namespace pillarbox::audit
