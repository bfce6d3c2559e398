// A test bed for the bundles part, on the case-management one
// (unit/cases/case_test_fixture.h): reports whose answers are really sealed
// under a data key sealed to their desk, evidence files attached through the
// real EvidenceService (a cleaner that accepts "TEXT:" files), organizations
// with real X25519 key pairs, and the bundles services under test.
// Header-only.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "bundles/bundle_assembler.h"
#include "bundles/organization_registry.h"
#include "bundles/redactions.h"
#include "intake/evidence_cleaner.h"
#include "intake/report_sealer.h"
#include "privacy/envelope.h"
#include "privacy/signing_key.h"
#include "reporter/evidence_service.h"
#include "unit/cases/case_test_fixture.h"

namespace pillarbox::bundles::test {

// Accepts "TEXT:..." as text/plain; refuses anything else.
class TextOnlyCleaner final : public intake::EvidenceCleaner {
 public:
  Result<intake::CleanedEvidence> Clean(std::span<const uint8_t> content) const override {
    const std::string text(content.begin(), content.end());
    if (text.rfind("TEXT:", 0) != 0) return Status::InvalidArgument("not allowed", "file");
    return intake::CleanedEvidence{"text/plain", "txt", {content.begin(), content.end()}, {}, {}};
  }
};

class SharingTest : public cases::test::CaseServicesTest {
 protected:
  void SetUp() override {
    cases::test::CaseServicesTest::SetUp();
    evidence_ = std::make_unique<reporter::EvidenceService>(*writer_, *readers_, cleaner_, audit_key_, clock_,
                                                            reporter::EvidenceService::Limits{});
    organizations_ = std::make_unique<OrganizationRegistry>(*writer_, *readers_, audit_key_, clock_);
    redactions_ = std::make_unique<Redactions>(*writer_, *readers_, audit_key_, clock_);
  }

  void TearDown() override {
    redactions_.reset();
    organizations_.reset();
    evidence_.reset();
    cases::test::CaseServicesTest::TearDown();
  }

  // A report of `desk` whose sealed answers are `answers` (really sealed);
  // returns its id and keeps its data key in data_keys_.
  std::string AddSealedReport(const std::string& desk, const std::vector<intake::PlainAnswer>& answers,
                              const std::string& day = "2024-05-17") {
    intake::SealedReport report = pillarbox::testing::MakeSealedReport(desk);
    report.received_day = day;
    privacy::SecretKey data_key = privacy::SecretKey::Random();
    report.sealed_fields.clear();
    for (const auto& answer : answers) {
      const privacy::FieldContext context{intake::kReportFieldsTable, report.id, answer.field,
                                          intake::kReportDataKeyVersion};
      report.sealed_fields.push_back({answer.field, privacy::SealField(data_key, context, answer.value)});
    }
    const privacy::BoxKeyPair& desk_key = desk == cases::test::kVoice ? voice_key_ : work_key_;
    report.desk_sealed_data_key = privacy::SealKeyTo(desk_key.public_key, data_key);
    EXPECT_TRUE(Write([&report](store::Database& db) { return store::InsertSealedReport(db, report); }).ok());
    data_keys_.emplace(report.id, std::move(data_key));
    return report.id;
  }

  // Attaches a text file to `report_id`; returns the file id.
  std::string Attach(const std::string& report_id, const std::string& text) {
    auto added = evidence_->Attach(report_id, data_keys_.at(report_id), "letter.txt", privacy::AsBytes(text));
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    return added.ok() ? added->id : "";
  }

  // Registers an organization with a fresh key pair; returns its id and keeps its key pair.
  std::string AddOrganization(const std::string& name) {
    privacy::BoxKeyPair key = privacy::BoxKeyPair::Generate();
    auto created = organizations_->Create(*both_, {name, privacy::ToHex(key.public_key.bytes)});
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    if (!created.ok()) return "";
    organization_keys_.emplace(created->id, std::move(key));
    return created->id;
  }

  // A partner account of `organization_id` and its session.
  std::shared_ptr<accounts::Session> AddPartner(const std::string& name, const std::string& organization_id) {
    auto session = MakeSession(name, "partner", {});
    EXPECT_TRUE(Write([&](store::Database& db) {
                  return store::InsertOrganizationMember(db, session->identity.user_id, organization_id);
                }).ok());
    return session;
  }

  TextOnlyCleaner cleaner_;
  std::map<std::string, privacy::SecretKey> data_keys_;
  std::map<std::string, privacy::BoxKeyPair> organization_keys_;
  std::unique_ptr<reporter::EvidenceService> evidence_;
  std::unique_ptr<OrganizationRegistry> organizations_;
  std::unique_ptr<Redactions> redactions_;
};

}  // namespace pillarbox::bundles::test
