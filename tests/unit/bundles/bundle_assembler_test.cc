#include "bundles/bundle_assembler.h"

#include <gtest/gtest.h>

#include <map>

#include <nlohmann/json.hpp>

#include "sharing_test_fixture.h"
#include "bundles/bundle_format.h"
#include "store/bundle_rows.h"

namespace pillarbox::bundles {
namespace {

using nlohmann::json;

constexpr char kCanary[] = "CANARY-Okonkwo-7731";

// The value of answer `field` in an answers.json document ("" when absent).
std::string AnswerOf(const json& answers, const std::string& field) {
  for (const json& answer : answers["answers"]) {
    if (answer["field"] == field) return answer["value"];
  }
  return "";
}

class BundleAssemblerTest : public test::SharingTest {
 protected:
  void SetUp() override {
    test::SharingTest::SetUp();
    assembler_ = std::make_unique<BundleAssembler>(
        cases::CaseEnvironment{*readers_, *writer_, *audit_, audit_key_, clock_}, *evidence_, signer_);
    first_ = AddSealedReport(cases::test::kVoice,
                             {{"narrative", std::string("The caller named ") + kCanary + " as the one who cloned it"},
                              {"contact", "reach me at +44 7700 900123"}},
                             "2024-05-10");
    second_ = AddSealedReport(cases::test::kVoice, {{"narrative", "Same thing happened to me"}}, "2024-05-12");
    hidden_ = AddSealedReport(cases::test::kWork, {{"narrative", "work desk only"}}, "2024-05-11");
    file_ = Attach(first_, "TEXT:the letter");
    other_file_ = Attach(second_, "TEXT:not chosen");
    hidden_file_ = Attach(hidden_, "TEXT:other desk");
    case_ = CreateCase(*both_, cases::test::kVoice, "Cloned voices");
    for (const std::string& report : {first_, second_, hidden_}) {
      ASSERT_TRUE(services_->linker.AddReport(*both_, case_, report).ok());
    }
    ASSERT_TRUE(services_->linker.AddPillar(*alice_, case_, "labor").ok());
    // "The caller named " is 17 bytes.
    ASSERT_TRUE(redactions_->Add(*alice_, first_, {"narrative", TextSpan{17, 17 + 19}, "personal_data"}).ok());
    ASSERT_TRUE(redactions_->Add(*alice_, first_, {"contact", std::nullopt, "personal_data"}).ok());
    org_a_ = AddOrganization("Union A");
    org_b_ = AddOrganization("Legal B");
    partner_a_ = AddPartner("partner-a", org_a_);
    partner_b_ = AddPartner("partner-b", org_b_);
  }

  void TearDown() override {
    assembler_.reset();
    test::SharingTest::TearDown();
  }

  // The entries of `bytes` checked with organization `org`'s key; fails the test when not intact.
  std::map<std::string, std::string> Open(const std::string& bytes, const std::string& org) {
    std::map<std::string, std::string> entries;
    auto check = CheckBundle(bytes, organization_keys_.at(org).secret_key, signer_.public_key(),
                             [&entries](const ManifestEntry& entry, std::string_view content) {
                               entries[entry.path] = std::string(content);
                             });
    EXPECT_TRUE(check.ok()) << check.status().ToString();
    if (check.ok()) {
      EXPECT_TRUE(check->intact()) << (check->problems.empty() ? "" : check->problems.front());
    }
    return entries;
  }

  privacy::SigningKey signer_ = privacy::SigningKey::FromSeed(privacy::SecretKey::Random());
  std::unique_ptr<BundleAssembler> assembler_;
  std::string first_, second_, hidden_, file_, other_file_, hidden_file_, case_, org_a_, org_b_;
  std::shared_ptr<accounts::Session> partner_a_, partner_b_;
};

TEST_F(BundleAssemblerTest, SharesACaseAsASignedBundleForTheOrganizationWithRedactionsApplied) {
  auto bundle = assembler_->Share(*alice_, case_, {org_a_, {file_}});
  ASSERT_TRUE(bundle.ok()) << bundle.status().ToString();
  EXPECT_EQ(bundle->state, "ready");
  EXPECT_EQ(bundle->case_id, case_);
  EXPECT_EQ(bundle->organization_id, org_a_);
  EXPECT_EQ(Count("SELECT count(*) FROM bundles WHERE state = 'ready' AND id = ?", bundle->id), 1);
  EXPECT_EQ(Count("SELECT sum(length(bytes)) FROM bundle_chunks WHERE bundle_id = ?", bundle->id), bundle->size);
  EXPECT_EQ(Text("SELECT file_id FROM bundle_files WHERE bundle_id = ?", bundle->id), file_);

  auto download = assembler_->Download(*partner_a_, bundle->id);
  ASSERT_TRUE(download.ok()) << download.status().ToString();
  EXPECT_EQ(static_cast<int64_t>(download->bytes.size()), bundle->size);
  EXPECT_EQ(download->bytes.find(kCanary), std::string::npos);

  const auto entries = Open(download->bytes, org_a_);
  ASSERT_EQ(entries.size(), 7u);  // case, pillars, actions, 2 answers, 1 file, custody: nothing of the work desk
  const json summary = json::parse(entries.at("case.json"));
  EXPECT_EQ(summary["title"], "Cloned voices");
  EXPECT_EQ(summary["report_count"], 2);
  EXPECT_EQ(summary["pillars"], (json{"labor"}));
  const json first = json::parse(entries.at("reports/1/answers.json"));
  EXPECT_EQ(AnswerOf(first, "narrative"), "The caller named [redacted] as the one who cloned it");
  EXPECT_EQ(AnswerOf(first, "contact"), "[redacted]");
  const json second = json::parse(entries.at("reports/2/answers.json"));
  EXPECT_EQ(AnswerOf(second, "narrative"), "Same thing happened to me");
  EXPECT_EQ(entries.at("reports/1/files/1.txt"), "TEXT:the letter");
  for (const auto& [path, content] : entries) {
    EXPECT_EQ(content.find(kCanary), std::string::npos) << path;
    EXPECT_EQ(content.find("7700 900123"), std::string::npos) << path;
    EXPECT_EQ(content.find("work desk only"), std::string::npos) << path;
    EXPECT_EQ(content.find(first_), std::string::npos) << path;
    EXPECT_EQ(content.find(case_), std::string::npos) << path;
  }
  const json custody = json::parse(entries.at("custody.json"));
  bool saw_redaction = false;
  for (const json& entry : custody["entries"]) saw_redaction |= entry["action"] == "report.redaction.added";
  EXPECT_TRUE(saw_redaction);
  EXPECT_GT(custody["head"]["seq"].get<int64_t>(), 0);

  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'bundle.created' AND object_id = ?", bundle->id), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'report.exported'"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'bundle.downloaded' AND object_id = ?", bundle->id),
            1);
}

TEST_F(BundleAssemblerTest, OnlyPartnersOfTheOrganizationDownload) {
  auto bundle = assembler_->Share(*alice_, case_, {org_a_, {}});
  ASSERT_TRUE(bundle.ok()) << bundle.status().ToString();
  EXPECT_EQ(assembler_->Download(*partner_b_, bundle->id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(assembler_->Download(*partner_a_, std::string(32, '0')).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(assembler_->Download(*partner_, bundle->id).status().code(), StatusCode::kNotFound);  // no organization
  EXPECT_EQ(assembler_->Download(*alice_, bundle->id).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(assembler_->Download(*researcher_, bundle->id).status().code(), StatusCode::kPermissionDenied);
  // The organization's key opens it; another organization's does not.
  const auto download = assembler_->Download(*partner_a_, bundle->id);
  ASSERT_TRUE(download.ok());
  auto wrong = CheckBundle(download->bytes, organization_keys_.at(org_b_).secret_key, signer_.public_key());
  EXPECT_TRUE(!wrong.ok() || !wrong->intact());
}

TEST_F(BundleAssemblerTest, ListsBundlesByOrganizationForPartnersAndByDeskForReviewers) {
  auto bundle = assembler_->Share(*alice_, case_, {org_a_, {}});
  ASSERT_TRUE(bundle.ok());
  EXPECT_EQ(assembler_->List(*partner_a_)->size(), 1u);
  EXPECT_EQ(assembler_->List(*partner_b_)->size(), 0u);
  EXPECT_EQ(assembler_->List(*partner_)->size(), 0u);
  EXPECT_EQ(assembler_->List(*alice_)->size(), 1u);
  EXPECT_EQ(assembler_->List(*bob_)->size(), 0u);
  EXPECT_EQ(assembler_->List(*researcher_).status().code(), StatusCode::kPermissionDenied);
}

TEST_F(BundleAssemblerTest, RefusesFilesOutsideTheVisibleReportsAndUnknownOrganizations) {
  EXPECT_EQ(assembler_->Share(*alice_, case_, {org_a_, {hidden_file_}}).status().field(), "evidence_file_ids");
  EXPECT_EQ(assembler_->Share(*alice_, case_, {org_a_, {file_, file_}}).status().field(), "evidence_file_ids");
  EXPECT_EQ(assembler_->Share(*alice_, case_, {org_a_, {std::string(32, '1')}}).status().field(),
            "evidence_file_ids");
  EXPECT_EQ(assembler_->Share(*alice_, case_, {std::string(32, '2'), {}}).status().field(), "organization_id");
  EXPECT_EQ(assembler_->Share(*alice_, case_, {"nope", {}}).status().field(), "organization_id");
  EXPECT_EQ(assembler_->Share(*bob_, case_, {org_a_, {}}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(assembler_->Share(*partner_a_, case_, {org_a_, {}}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Count("SELECT count(*) FROM bundles"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'bundle.created'"), 0);
}

TEST_F(BundleAssemblerTest, ATooLargeBundleLeavesNothing) {
  BundleAssembler small(cases::CaseEnvironment{*readers_, *writer_, *audit_, audit_key_, clock_}, *evidence_, signer_,
                        200);
  const auto refused = small.Share(*alice_, case_, {org_a_, {file_}});
  EXPECT_EQ(refused.status().code(), StatusCode::kPayloadTooLarge);
  EXPECT_EQ(Count("SELECT count(*) FROM bundles"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM bundle_chunks"), 0);
}

TEST_F(BundleAssemblerTest, AnUnfinishedBundleIsNeverServedAndIsDiscarded) {
  auto bundle = assembler_->Share(*alice_, case_, {org_a_, {}});
  ASSERT_TRUE(bundle.ok());
  // What a crash between the chunks and the final commit leaves.
  store::BundleRecord unfinished{std::string(32, '5'), case_, org_a_, "2024-06-20", alice_->identity.user_id, 0,
                                 "writing"};
  ASSERT_TRUE(Write([&](store::Database& db) -> Status {
                PB_RETURN_IF_ERROR(store::InsertBundle(db, unfinished, {}));
                return store::InsertBundleChunk(db, unfinished.id, 0, "partial");
              }).ok());
  EXPECT_EQ(assembler_->List(*partner_a_)->size(), 1u);
  EXPECT_EQ(assembler_->Download(*partner_a_, unfinished.id).status().code(), StatusCode::kNotFound);
  const auto discarded = assembler_->DiscardUnfinished();
  ASSERT_TRUE(discarded.ok());
  EXPECT_EQ(*discarded, 1);
  EXPECT_EQ(Count("SELECT count(*) FROM bundles"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM bundle_chunks WHERE bundle_id = ?", unfinished.id), 0);
}

}  // namespace
}  // namespace pillarbox::bundles
