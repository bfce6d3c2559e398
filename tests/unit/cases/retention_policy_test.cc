// The retention policy: defaults, validation naming each field, storing a
// partial change, the last purge, and who may read and change it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "case_test_fixture.h"
#include "cases/retention_settings.h"
#include "store/settings_repository.h"

namespace pillarbox::cases::test {
namespace {

const std::vector<std::string> kKinds = {"voice_cloning", "workplace_ai_harm"};

std::string FieldOf(const Status& status) { return status.ok() ? "ok" : status.field(); }

TEST(RetentionPolicyValidationTest, NamesEachBadField) {
  RetentionPolicyChange change;
  EXPECT_TRUE(ValidateRetentionChange(change, kKinds).ok()) << "an empty change is fine";

  change.policies = {{"voice_cloning", 10, true, std::nullopt}, {"no_such_kind", 10, false, std::nullopt}};
  EXPECT_EQ(FieldOf(ValidateRetentionChange(change, kKinds)), "policies[1].kind");
  change.policies = {{"voice_cloning", 10, false, std::nullopt}, {"voice_cloning", 11, false, std::nullopt}};
  EXPECT_EQ(FieldOf(ValidateRetentionChange(change, kKinds)), "policies[1].kind") << "a kind named twice";
  change.policies = {{"workplace_ai_harm", 0, false, std::nullopt}};
  EXPECT_EQ(FieldOf(ValidateRetentionChange(change, kKinds)), "policies[0].delete_closed_after_days");
  change.policies = {{"workplace_ai_harm", 3651, false, std::nullopt}};
  EXPECT_EQ(FieldOf(ValidateRetentionChange(change, kKinds)), "policies[0].delete_closed_after_days");
  change.policies = {{"workplace_ai_harm", 3650, true, -5}};
  EXPECT_EQ(FieldOf(ValidateRetentionChange(change, kKinds)), "policies[0].delete_any_after_days");
  change.policies = {{"workplace_ai_harm", 1, true, 3650}};
  EXPECT_TRUE(ValidateRetentionChange(change, kKinds).ok()) << "1 and 3650 are allowed";

  change.delete_closed_cases_after_days = 0;
  EXPECT_EQ(FieldOf(ValidateRetentionChange(change, kKinds)), "delete_closed_cases_after_days");
  change.delete_closed_cases_after_days = 730;
  change.delete_bundles_after_days = 4000;
  EXPECT_EQ(FieldOf(ValidateRetentionChange(change, kKinds)), "delete_bundles_after_days");
  EXPECT_EQ(ValidateRetentionChange(change, kKinds).code(), StatusCode::kInvalidArgument);
}

class RetentionSettingsTest : public CaseServicesTest {
 protected:
  RetentionSettings& settings() {
    if (!settings_) settings_ = std::make_unique<RetentionSettings>(*readers_, *writer_, audit_key_, clock_, kKinds);
    return *settings_;
  }
  std::unique_ptr<RetentionSettings> settings_;
};

TEST_F(RetentionSettingsTest, DefaultsComeFromTheMigrationAndMissingKeys) {
  auto policy = settings().Get(*alice_);
  ASSERT_TRUE(policy.ok()) << policy.status().ToString();
  ASSERT_EQ(policy->kinds.size(), 2u);
  EXPECT_EQ(policy->kinds[0], (KindRetention{"voice_cloning", 180, std::nullopt}));
  EXPECT_EQ(policy->kinds[1], (KindRetention{"workplace_ai_harm", 180, std::nullopt}));
  EXPECT_EQ(policy->delete_closed_cases_after_days, 730);
  EXPECT_EQ(policy->delete_bundles_after_days, 30);
  EXPECT_FALSE(policy->last_purge.has_value());
  EXPECT_EQ(Count("SELECT count(*) FROM settings WHERE key LIKE 'retention.%'"), 2) << "rows for the defaults";
}

TEST_F(RetentionSettingsTest, AChangeStoresOnlyWhatItNamesAndIsAudited) {
  RetentionPolicyChange change;
  change.policies = {{"workplace_ai_harm", 90, true, 365}};
  change.delete_bundles_after_days = 7;
  auto stored = settings().Update(*both_, change);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(stored->kinds[0], (KindRetention{"voice_cloning", 180, std::nullopt}));
  EXPECT_EQ(stored->kinds[1], (KindRetention{"workplace_ai_harm", 90, 365}));
  EXPECT_EQ(stored->delete_closed_cases_after_days, 730);
  EXPECT_EQ(stored->delete_bundles_after_days, 7);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'settings.retention.changed' "
                  "AND detail = 'kinds=1;settings=3;bundles_days=7' AND actor = ?",
                  both_->identity.user_id),
            1);

  // null turns the maximum age off again; the other member stays.
  RetentionPolicyChange off;
  off.policies = {{"workplace_ai_harm", std::nullopt, true, std::nullopt}};
  auto again = settings().Update(*both_, off);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->kinds[1], (KindRetention{"workplace_ai_harm", 90, std::nullopt}));
}

TEST_F(RetentionSettingsTest, NothingIsStoredOnAnError) {
  RetentionPolicyChange change;
  change.policies = {{"voice_cloning", 30, false, std::nullopt}};
  change.delete_closed_cases_after_days = 0;
  EXPECT_EQ(FieldOf(settings().Update(*both_, change).status()), "delete_closed_cases_after_days");
  EXPECT_EQ(Count("SELECT count(*) FROM settings WHERE key LIKE 'retention.kind.%'"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'settings.retention.changed'"), 0);
}

TEST_F(RetentionSettingsTest, OnlyAdminsChangeItAndPartnersAndResearchersCannotReadIt) {
  RetentionPolicyChange change;
  change.delete_bundles_after_days = 3;
  EXPECT_EQ(settings().Update(*alice_, change).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(settings().Get(*partner_).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(settings().Get(*researcher_).status().code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(settings().Get(*bob_).ok());
  EXPECT_TRUE(settings().Get(*both_).ok());
}

TEST_F(RetentionSettingsTest, MalformedStoredValuesAreDataLoss) {
  ASSERT_TRUE(Write([](store::Database& db) {
                return store::StoreSetting(db, "retention.kind.voice_cloning.delete_closed_after_days", "ten");
              }).ok());
  EXPECT_EQ(settings().Get(*alice_).status().code(), StatusCode::kDataLoss);
}

TEST_F(RetentionSettingsTest, TheLastPurgeRoundTrips) {
  ASSERT_TRUE(Write([](store::Database& db) {
                return StoreLastPurge(db, {"2024-06-15", 3, 1, 0});
              }).ok());
  auto policy = settings().Get(*alice_);
  ASSERT_TRUE(policy.ok());
  ASSERT_TRUE(policy->last_purge.has_value());
  EXPECT_EQ(*policy->last_purge, (PurgeCounts{"2024-06-15", 3, 1, 0}));
}

TEST_F(RetentionSettingsTest, LegalHoldIsSetReleasedAuditedAndScopedToTheDesk) {
  const std::string id = CreateCase(*alice_, kVoice);
  auto held = services_->hold.Set(*alice_, id, true);
  ASSERT_TRUE(held.ok()) << held.status().ToString();
  EXPECT_TRUE(held->legal_hold);
  EXPECT_EQ(held->revision, 1);
  EXPECT_EQ(services_->hold.Set(*bob_, id, false).status().code(), StatusCode::kNotFound) << "another desk";
  EXPECT_EQ(services_->hold.Set(*partner_, id, false).status().code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(services_->hold.Set(*both_, id, true).ok()) << "an admin of the desk; no change";
  EXPECT_EQ(Count("SELECT revision FROM cases WHERE id = ?", id), 1);
  auto released = services_->hold.Set(*alice_, id, false);
  ASSERT_TRUE(released.ok());
  EXPECT_FALSE(released->legal_hold);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'case.legal_hold.set' AND object_id = ?", id), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'case.legal_hold.released' AND object_id = ?", id),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM case_events WHERE event LIKE 'case.legal_hold.%' AND case_id = ?", id), 2);
}

TEST_F(RetentionSettingsTest, ClosingAndReopeningACaseSetsAndClearsClosedDay) {
  const std::string id = CreateCase(*alice_, kVoice);
  CaseUpdate close;
  close.revision = 0;
  close.status = "closed";
  ASSERT_TRUE(services_->editor.Update(*alice_, id, close).ok());
  EXPECT_EQ(Text("SELECT closed_day FROM cases WHERE id = ?", id), "2024-06-15");
  clock_.Advance(3 * 24 * 3600);
  CaseUpdate reopen;
  reopen.revision = 1;
  reopen.status = "open";
  ASSERT_TRUE(services_->editor.Update(*alice_, id, reopen).ok());
  EXPECT_EQ(Text("SELECT closed_day FROM cases WHERE id = ?", id), "");
  const std::string target = CreateCase(*alice_, kVoice);
  ASSERT_TRUE(services_->merger.Merge(*alice_, id, target).ok());
  EXPECT_EQ(Text("SELECT closed_day FROM cases WHERE id = ?", id), "2024-06-18") << "merged counts as closed";
}

}  // namespace
}  // namespace pillarbox::cases::test
