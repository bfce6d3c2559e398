// Unlocking an account's keys (declared in accounts/password_unlock.h).
#include "accounts/password_unlock.h"

#include "privacy/envelope.h"
#include "privacy/password_kdf.h"
#include "store/user_repository.h"

namespace pillarbox::accounts {

Result<UnlockedKeys> UnsealDeskKeys(store::Database& db, const std::string& user_id, privacy::BoxKeyPair user_key_pair) {
  PB_ASSIGN_OR_RETURN(const std::vector<store::DeskMemberRecord> memberships,
                      store::ListMembershipsOfUser(db, user_id));
  UnlockedKeys keys{std::move(user_key_pair), {}};
  for (const store::DeskMemberRecord& membership : memberships) {
    PB_ASSIGN_OR_RETURN(privacy::SecretKey desk_secret,
                        privacy::OpenSealedKey(keys.user_key_pair, membership.sealed_desk_key));
    keys.desk_keys.push_back(
        {membership.desk_id, membership.key_version, privacy::BoxKeyPair::FromSecretKey(std::move(desk_secret))});
  }
  return keys;
}

Result<Session> UnlockAccountWithPassword(store::Database& db, std::string_view username, std::string_view password) {
  const Status refused = Status::Unauthenticated("unknown or disabled account, or wrong password");
  PB_ASSIGN_OR_RETURN(auto record, store::FindUserByName(db, username));
  if (!record.has_value() || record->disabled) return refused;
  const store::UserRecord& user = *record;
  PB_ASSIGN_OR_RETURN(const privacy::PasswordKeys derived,
                      privacy::DerivePasswordKeys(password, user.password_salt,
                                                  {static_cast<uint64_t>(user.kdf_operations),
                                                   static_cast<size_t>(user.kdf_memory_bytes)}));
  if (!privacy::ConstantTimeEquals(derived.verifier, user.password_verifier)) return refused;
  PB_ASSIGN_OR_RETURN(privacy::SecretKey user_secret,
                      privacy::UnwrapKey(derived.key_encryption_key, "users.password_wrapped_key|" + user.id,
                                         user.password_wrapped_key));
  PB_ASSIGN_OR_RETURN(UnlockedKeys keys,
                      UnsealDeskKeys(db, user.id, privacy::BoxKeyPair::FromSecretKey(std::move(user_secret))));
  return Session{{user.id, user.username, user.role}, std::move(keys), 0};
}

}  // namespace pillarbox::accounts
