#include "accounts/desk_key_access.h"

#include "privacy/envelope.h"
#include "store/user_repository.h"

namespace pillarbox::accounts {

Result<privacy::BoxKeyPair> DeskKeyOf(const Session& session, store::Database& db, std::string_view desk_id,
                                      uint32_t key_version) {
  if (const privacy::BoxKeyPair* cached = session.DeskKey(desk_id, key_version); cached != nullptr) {
    return privacy::BoxKeyPair::FromSecretKey(cached->secret_key.Clone());
  }
  PB_ASSIGN_OR_RETURN(const auto memberships, store::ListMembershipsOfUser(db, session.identity.user_id));
  for (const store::DeskMemberRecord& membership : memberships) {
    if (membership.desk_id != desk_id || membership.key_version != key_version) continue;
    PB_ASSIGN_OR_RETURN(privacy::SecretKey secret,
                        privacy::OpenSealedKey(session.keys.user_key_pair, membership.sealed_desk_key));
    return privacy::BoxKeyPair::FromSecretKey(std::move(secret));
  }
  return Status::NotFound("no key of this desk at this version");
}

Result<std::vector<UnlockedDeskKey>> AllDeskKeysOf(const Session& session, store::Database& db,
                                                   std::string_view desk_id) {
  PB_ASSIGN_OR_RETURN(const auto memberships, store::ListMembershipsOfUser(db, session.identity.user_id));
  std::vector<UnlockedDeskKey> keys;
  for (const store::DeskMemberRecord& membership : memberships) {
    if (membership.desk_id != desk_id) continue;
    PB_ASSIGN_OR_RETURN(privacy::SecretKey secret,
                        privacy::OpenSealedKey(session.keys.user_key_pair, membership.sealed_desk_key));
    keys.push_back({membership.desk_id, membership.key_version, privacy::BoxKeyPair::FromSecretKey(std::move(secret))});
  }
  return keys;
}

}  // namespace pillarbox::accounts
