#include "accounts/new_account.h"

#include <algorithm>
#include <array>

#include "privacy/envelope.h"

namespace pillarbox::accounts {
namespace {

constexpr std::array<const char*, 4> kRoles = {"admin", "reviewer", "partner", "researcher"};

Status ValidateRequest(const NewAccountRequest& request) {
  const std::string& name = request.username;
  const bool name_ok = name.size() >= 3 && name.size() <= 64 && std::isalnum(static_cast<unsigned char>(name[0])) &&
                       std::all_of(name.begin(), name.end(), [](unsigned char c) {
                         return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
                       });
  if (!name_ok) return Status::InvalidArgument("must be 3-64 of a-z, 0-9, '.', '_', '-'", "username");
  if (std::find(kRoles.begin(), kRoles.end(), request.role) == kRoles.end()) {
    return Status::InvalidArgument("must be admin, reviewer, partner or researcher", "role");
  }
  return Status::Ok();
}

}  // namespace

std::string TotpUri(const std::string& username, const std::string& secret) {
  return std::string("otpauth://totp/") + kTotpIssuer + ":" + username + "?secret=" + secret + "&issuer=" +
         kTotpIssuer + "&algorithm=SHA1&digits=6&period=30";
}

Result<NewAccount> CreateNewAccount(const NewAccountRequest& request) {
  PB_RETURN_IF_ERROR(ValidateRequest(request));
  NewAccount account;
  auto& credentials = account.credentials;
  credentials = {request.username, request.role, privacy::GeneratePassword(), privacy::GenerateTotpSecretBase32(),
                 "", privacy::GeneratePassword(), ""};
  credentials.totp_uri = TotpUri(request.username, credentials.totp_secret);

  store::UserRecord& record = account.record;
  record.id = privacy::ToHex(privacy::RandomBytes(16));
  credentials.user_id = record.id;
  record.username = request.username;
  record.role = request.role;
  record.created_day = request.created_day;
  record.kdf_operations = static_cast<int64_t>(request.kdf.operations);
  record.kdf_memory_bytes = static_cast<int64_t>(request.kdf.memory_bytes);
  record.password_salt = privacy::NewPasswordSalt();
  record.recovery_salt = privacy::NewPasswordSalt();
  PB_ASSIGN_OR_RETURN(auto password_keys,
                      privacy::DerivePasswordKeys(credentials.password, record.password_salt, request.kdf));
  PB_ASSIGN_OR_RETURN(auto recovery_keys,
                      privacy::DerivePasswordKeys(credentials.recovery_code, record.recovery_salt, request.kdf));
  record.password_verifier = password_keys.verifier;

  privacy::BoxKeyPair key_pair = privacy::BoxKeyPair::Generate();
  account.public_key = key_pair.public_key;
  record.public_key.assign(key_pair.public_key.bytes.begin(), key_pair.public_key.bytes.end());
  record.password_wrapped_key =
      privacy::WrapKey(password_keys.key_encryption_key, "users.password_wrapped_key|" + record.id, key_pair.secret_key);
  record.recovery_wrapped_key =
      privacy::WrapKey(recovery_keys.key_encryption_key, "users.recovery_wrapped_key|" + record.id, key_pair.secret_key);
  record.sealed_totp_secret = privacy::SealField(
      password_keys.key_encryption_key, {"users", record.id, "totp_secret", 1}, credentials.totp_secret);
  return account;
}

}  // namespace pillarbox::accounts
