#include "bundles/organization_registry.h"

#include <algorithm>

#include "audit/audit_log.h"
#include "cases/case_text.h"
#include "bundles/new_id.h"

namespace pillarbox::bundles {

OrganizationRegistry::OrganizationRegistry(store::GroupCommitWriter& writer, store::ReaderPool& readers,
                                           const privacy::SecretKey& audit_key, const Clock& clock)
    : writer_(writer), readers_(readers), audit_key_(audit_key), clock_(clock) {}

Result<privacy::BoxPublicKey> ParseOrganizationKey(std::string_view hex) {
  const Status bad = Status::InvalidArgument("must be 64 hex digits (an X25519 public key)", "public_key");
  if (hex.size() != 2 * privacy::kKeyBytes) return bad;
  auto bytes = privacy::FromHex(hex);
  if (!bytes.ok() || bytes->size() != privacy::kKeyBytes) return bad;
  if (std::all_of(bytes->begin(), bytes->end(), [](uint8_t b) { return b == 0; })) return bad;
  privacy::BoxPublicKey key;
  std::copy(bytes->begin(), bytes->end(), key.bytes.begin());
  return key;
}

Result<store::OrganizationRecord> OrganizationRegistry::Create(const accounts::Session& session,
                                                               const NewOrganization& request) {
  if (session.identity.role != "admin") return Status::PermissionDenied("only admins register organizations");
  PB_ASSIGN_OR_RETURN(std::string name,
                      cases::CheckCaseText(request.name, "name", 1, kMaxOrganizationNameChars, false));
  PB_ASSIGN_OR_RETURN(const privacy::BoxPublicKey key, ParseOrganizationKey(request.public_key));
  store::OrganizationRecord record{NewRandomId(), std::move(name),
                                   std::vector<uint8_t>(key.bytes.begin(), key.bytes.end()),
                                   UtcDay(clock_.NowUnixSeconds()), session.identity.user_id};
  const Status stored = writer_.SubmitAndWait([this, &record](store::Database& db) -> Status {
    PB_RETURN_IF_ERROR(store::InsertOrganization(db, record));
    return audit::AppendAuditEntry(db, audit_key_, clock_,
                                   {record.created_by, "organization.created", "organization", record.id, ""});
  });
  if (!stored.ok()) return stored;
  return record;
}

Result<std::vector<store::OrganizationRecord>> OrganizationRegistry::List(const accounts::Session& session) {
  if (session.identity.role != "admin" && session.identity.role != "reviewer") {
    return Status::PermissionDenied("only admins and reviewers list organizations");
  }
  auto lease = readers_.Acquire();
  return store::ListOrganizations(lease.db());
}

}  // namespace pillarbox::bundles
