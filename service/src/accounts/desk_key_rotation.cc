#include "accounts/desk_key_rotation.h"

#include "audit/audit_log.h"
#include "privacy/envelope.h"
#include "store/desk_membership_rows.h"
#include "store/desk_repository.h"
#include "store/user_repository.h"

namespace pillarbox::accounts {

Result<intake::DeskKey> RotateDeskKey(store::Database& db, const std::string& actor_user_id,
                                      const std::string& desk_id, const privacy::SecretKey& audit_key,
                                      const Clock& clock) {
  PB_ASSIGN_OR_RETURN(const std::vector<store::DeskRecord> desks, store::ListDesks(db));
  const store::DeskRecord* desk = nullptr;
  for (const store::DeskRecord& candidate : desks) {
    if (candidate.id == desk_id) desk = &candidate;
  }
  if (desk == nullptr) return Status::NotFound("no such desk");
  PB_ASSIGN_OR_RETURN(const auto members, store::ListEnabledMemberKeys(db, desk_id));
  if (members.empty()) return Status::Conflict("a desk must keep at least one enabled member");
  const privacy::BoxKeyPair next = privacy::BoxKeyPair::Generate();
  const uint32_t version = desk->key_version + 1;
  PB_RETURN_IF_ERROR(store::InstallDeskKeyVersion(db, desk_id, version, next.public_key));
  for (const store::DeskMemberKey& member : members) {
    PB_RETURN_IF_ERROR(store::InsertDeskMember(
        db, {desk_id, member.user_id, version, privacy::SealKeyTo(member.public_key, next.secret_key)}));
  }
  PB_RETURN_IF_ERROR(audit::AppendAuditEntry(
      db, audit_key, clock,
      {actor_user_id, "desk.key.rotated", "desk", desk_id,
       "key_version=" + std::to_string(version) + ";members=" + std::to_string(members.size())}));
  return intake::DeskKey{desk_id, version, next.public_key};
}

}  // namespace pillarbox::accounts
