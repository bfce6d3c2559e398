// The database's master key version (declared in app/master_key_state.h).
#include "app/master_key_state.h"

#include <charconv>
#include <string>

#include "store/meta_values.h"

namespace pillarbox::app {
namespace {

Result<uint32_t> ParseVersion(const std::optional<std::string>& value, uint32_t absent) {
  if (!value.has_value()) return absent;
  uint32_t version = 0;
  const auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), version);
  if (error != std::errc() || end != value->data() + value->size() || version < 1) {
    return Status::DataLoss("meta master key version is malformed");
  }
  return version;
}

}  // namespace

Result<uint32_t> DatabaseMasterKeyVersion(store::Database& db) {
  PB_ASSIGN_OR_RETURN(const auto value, store::LoadMetaValue(db, kMetaMasterKeyVersion));
  return ParseVersion(value, 1);
}

Status CheckKeysMatchDatabase(store::Database& db, const privacy::InstanceKeys& keys) {
  if (keys.retiring() != nullptr) {
    return Status::FailedPrecondition(
        "a master key rotation is unfinished (the instance secret holds a retiring key); finish it first: "
        "pillarbox instance rotate-master --data <folder> --user <admin> --password-file <file>");
  }
  PB_ASSIGN_OR_RETURN(const uint32_t version, DatabaseMasterKeyVersion(db));
  if (version != keys.master_version()) {
    return Status::FailedPrecondition("the database is under master key version " + std::to_string(version) +
                                      " but the instance secret holds version " +
                                      std::to_string(keys.master_version()) +
                                      ": this is not the instance secret of this database (or an older copy of it)");
  }
  return Status::Ok();
}

Result<const privacy::SecretKey*> AuditKeyInUse(store::Database& db, const privacy::InstanceKeys& keys) {
  if (keys.retiring() == nullptr) return &keys.audit_key();
  PB_ASSIGN_OR_RETURN(const auto value, store::LoadMetaValue(db, kMetaRotationAuditVersion));
  PB_ASSIGN_OR_RETURN(const uint32_t rekeyed, ParseVersion(value, 0));
  PB_ASSIGN_OR_RETURN(const uint32_t version, DatabaseMasterKeyVersion(db));
  if (rekeyed == keys.master_version() || version == keys.master_version()) return &keys.audit_key();
  return &keys.retiring()->audit_key();
}

}  // namespace pillarbox::app
