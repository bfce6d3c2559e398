#include "cases/retention_settings.h"

#include "audit/audit_log.h"
#include "cases/report_access.h"

namespace pillarbox::cases {
namespace {

// The audit detail of a change: how many kinds and which instance-wide
// numbers (closed values only).
std::string ChangeDetail(const RetentionPolicyChange& change, int written) {
  std::string detail = "kinds=" + std::to_string(change.policies.size()) + ";settings=" + std::to_string(written);
  if (change.delete_closed_cases_after_days.has_value()) {
    detail += ";cases_days=" + std::to_string(*change.delete_closed_cases_after_days);
  }
  if (change.delete_bundles_after_days.has_value()) {
    detail += ";bundles_days=" + std::to_string(*change.delete_bundles_after_days);
  }
  return detail;
}

Status ApplyChange(store::Database& db, const privacy::SecretKey& audit_key, const Clock& clock,
                   const std::string& actor, const RetentionPolicyChange& change) {
  PB_ASSIGN_OR_RETURN(const int written, StoreRetentionChange(db, change));
  return audit::AppendAuditEntry(db, audit_key, clock,
                                 {actor, "settings.retention.changed", "settings", "retention",
                                  ChangeDetail(change, written)});
}

}  // namespace

RetentionSettings::RetentionSettings(store::ReaderPool& readers, store::GroupCommitWriter& writer,
                                     const privacy::SecretKey& audit_key, const Clock& clock,
                                     std::vector<std::string> kinds)
    : readers_(readers), writer_(writer), audit_key_(audit_key), clock_(clock), kinds_(std::move(kinds)) {}

Result<RetentionPolicy> RetentionSettings::Get(const accounts::Session& session) {
  if (!MayReadReports(session)) return Status::PermissionDenied("this role has no retention settings");
  auto lease = readers_.Acquire();
  return LoadRetentionPolicy(lease.db(), kinds_);
}

Result<RetentionPolicy> RetentionSettings::Update(const accounts::Session& session,
                                                  const RetentionPolicyChange& change) {
  if (session.identity.role != "admin") return Status::PermissionDenied("only admins change the retention policy");
  PB_RETURN_IF_ERROR(ValidateRetentionChange(change, kinds_));
  const std::string actor = session.identity.user_id;
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait([this, &actor, &change](store::Database& db) {
    return ApplyChange(db, audit_key_, clock_, actor, change);
  }));
  auto lease = readers_.Acquire();
  return LoadRetentionPolicy(lease.db(), kinds_);
}

}  // namespace pillarbox::cases
