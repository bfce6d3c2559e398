#include "bundles/redactions.h"

#include <gtest/gtest.h>

#include "sharing_test_fixture.h"

namespace pillarbox::bundles {
namespace {

class RedactionsTest : public test::SharingTest {
 protected:
  void SetUp() override {
    test::SharingTest::SetUp();
    report_ = AddSealedReport(cases::test::kVoice,
                              {{"narrative", "My manager Zo\xC3\xAB Ünal cloned my voice"}, {"contact", "zoe@example.org"}});
  }
  std::string report_;
};

TEST_F(RedactionsTest, AddsASpanCheckedAgainstTheDecryptedAnswerAndAuditsIdsOnly) {
  // "My manager " is 11 bytes; "Zoë Ünal" is 10 bytes.
  auto added = redactions_->Add(*alice_, report_, {"narrative", TextSpan{11, 21}, "personal_data"});
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(added->field, "narrative");
  EXPECT_EQ(added->span_start, 11);
  EXPECT_EQ(added->span_end, 21);
  EXPECT_EQ(added->created_by, alice_->identity.user_id);
  EXPECT_EQ(added->created_day, UtcDay(clock_.NowUnixSeconds()));

  const auto listed = redactions_->List(*alice_, report_);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0], *added);
  EXPECT_EQ(Text("SELECT detail FROM audit_log WHERE action = 'report.redaction.added' AND object_id = ?", report_),
            "redaction=" + added->id + ";field=narrative;span=11-21;reason=personal_data");
  // The redacted text is stored nowhere in clear (the row holds offsets only).
  EXPECT_EQ(DatabaseBytes().find("Ünal"), std::string::npos);
}

TEST_F(RedactionsTest, WholeFieldRedaction) {
  auto added = redactions_->Add(*alice_, report_, {"contact", std::nullopt, "safety"});
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_FALSE(added->span_start.has_value());
  EXPECT_EQ(Count("SELECT count(*) FROM report_redactions WHERE span_start IS NULL AND report_id = ?", report_), 1);
}

TEST_F(RedactionsTest, RefusesSpansOutsideTheAnswerOrSplittingACharacter) {
  // The narrative is 37 bytes long.
  EXPECT_EQ(redactions_->Add(*alice_, report_, {"narrative", TextSpan{30, 38}, "safety"}).status().field(), "span");
  EXPECT_EQ(redactions_->Add(*alice_, report_, {"narrative", TextSpan{11, 14}, "safety"}).status().field(), "span");
  EXPECT_EQ(redactions_->Add(*alice_, report_, {"narrative", TextSpan{5, 5}, "safety"}).status().field(), "span");
  EXPECT_EQ(redactions_->Add(*alice_, report_, {"nope", TextSpan{0, 1}, "safety"}).status().field(), "field");
  EXPECT_EQ(redactions_->Add(*alice_, report_, {"Narrative;x=y", std::nullopt, "safety"}).status().field(), "field");
  EXPECT_EQ(redactions_->Add(*alice_, report_, {"narrative", std::nullopt, "because"}).status().field(), "reason");
  EXPECT_EQ(Count("SELECT count(*) FROM report_redactions"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action LIKE 'report.redaction.%'"), 0);
}

TEST_F(RedactionsTest, OtherDesksGetNotFoundAndPartnersPermissionDenied) {
  EXPECT_EQ(redactions_->Add(*bob_, report_, {"contact", std::nullopt, "safety"}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(redactions_->List(*bob_, report_).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(redactions_->Add(*partner_, report_, {"contact", std::nullopt, "safety"}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(redactions_->List(*researcher_, report_).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(redactions_->Add(*alice_, std::string(32, 'a'), {"contact", std::nullopt, "safety"}).status().code(),
            StatusCode::kNotFound);
}

TEST_F(RedactionsTest, RemoveDeletesTheRowAndAuditsIt) {
  auto added = redactions_->Add(*alice_, report_, {"contact", std::nullopt, "safety"});
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(redactions_->Remove(*bob_, report_, added->id).code(), StatusCode::kNotFound);
  EXPECT_EQ(redactions_->Remove(*alice_, report_, std::string(32, 'b')).code(), StatusCode::kNotFound);
  ASSERT_TRUE(redactions_->Remove(*alice_, report_, added->id).ok());
  EXPECT_EQ(Count("SELECT count(*) FROM report_redactions"), 0);
  EXPECT_EQ(Text("SELECT detail FROM audit_log WHERE action = 'report.redaction.removed' AND object_id = ?", report_),
            "redaction=" + added->id);
  EXPECT_EQ(redactions_->Remove(*alice_, report_, added->id).code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace pillarbox::bundles
