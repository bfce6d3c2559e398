// Which master key version a database's keyed data is under, kept in meta so
// that a database and an instance secret that do not belong together (the
// wrong file, or an old one after a rotation) are refused instead of quietly
// failing every receipt and blind index, and so a master key rotation
// (app/master_key_rotation.h) can resume where a crash left it.
//
// meta keys: master_key_version (absent = 1: the data is under this version's
// blind-index and audit keys); master_rotation_audit_version (the audit chain
// is already re-keyed to this version); master_rotation_reindexed_through
// ("<version>:<last report id re-indexed>").
// Free functions; thread-compatible (as the Database given).
#pragma once

#include <cstdint>

#include "common/status.h"
#include "privacy/instance_secret.h"
#include "store/database.h"

namespace pillarbox::app {

inline constexpr char kMetaMasterKeyVersion[] = "master_key_version";
inline constexpr char kMetaRotationAuditVersion[] = "master_rotation_audit_version";
inline constexpr char kMetaRotationReindexedThrough[] = "master_rotation_reindexed_through";

// The master key version the database's keyed data is under (1 when unset).
// DataLoss when the stored value is not a version.
Result<uint32_t> DatabaseMasterKeyVersion(store::Database& db);

// Ok when the database may be served with `keys`: no rotation is under way
// and the database is under the keyring's master version. FailedPrecondition
// with the command to run otherwise.
Status CheckKeysMatchDatabase(store::Database& db, const privacy::InstanceKeys& keys);

// The audit key the database's chain is under now: the retiring master's
// while a rotation has not re-keyed the chain yet, else the current one.
Result<const privacy::SecretKey*> AuditKeyInUse(store::Database& db, const privacy::InstanceKeys& keys);

}  // namespace pillarbox::app
