#include "accounts/desk_key_reseal.h"

#include <algorithm>

#include "audit/audit_log.h"
#include "privacy/envelope.h"

namespace pillarbox::accounts {
namespace {

const UnlockedDeskKey* KeyOfVersion(const std::vector<UnlockedDeskKey>& keys, uint32_t version) {
  for (const UnlockedDeskKey& key : keys) {
    if (key.key_version == version) return &key;
  }
  return nullptr;
}

// Opens `row`'s data key with `old_key` and seals it to `target_key`.
Result<privacy::Bytes> Reseal(const store::DeskSealedKeyRow& row, const privacy::BoxKeyPair& old_key,
                              const privacy::BoxPublicKey& target_key) {
  PB_ASSIGN_OR_RETURN(const privacy::SecretKey data_key, privacy::OpenSealedKey(old_key, row.sealed_data_key));
  return privacy::SealKeyTo(target_key, data_key);
}

}  // namespace

Result<ResealBatch> PrepareResealBatch(store::Database& db, const std::string& desk_id, uint32_t target_version,
                                       const privacy::BoxPublicKey& target_key,
                                       const std::vector<UnlockedDeskKey>& old_keys, ResealCursor& cursor,
                                       int64_t limit) {
  ResealBatch batch;
  while (!cursor.Finished() && static_cast<int64_t>(batch.keys.size()) + batch.skipped < limit) {
    const store::DeskSealedTable table = store::kDeskSealedTables[cursor.table_index];
    const int64_t wanted = limit - static_cast<int64_t>(batch.keys.size()) - batch.skipped;
    PB_ASSIGN_OR_RETURN(auto rows, store::ListDeskSealedKeysOnOldVersions(db, table, desk_id, target_version,
                                                                          cursor.after_id, wanted));
    for (store::DeskSealedKeyRow& row : rows) {
      cursor.after_id = row.id;
      const UnlockedDeskKey* old_key = KeyOfVersion(old_keys, row.key_version);
      if (old_key == nullptr) {
        ++batch.skipped;
        continue;
      }
      PB_ASSIGN_OR_RETURN(privacy::Bytes sealed, Reseal(row, old_key->key_pair, target_key));
      batch.keys.push_back({std::move(row), std::move(sealed)});
    }
    if (static_cast<int64_t>(rows.size()) < wanted) {
      ++cursor.table_index;
      cursor.after_id.clear();
    }
  }
  return batch;
}

Result<int64_t> ApplyResealBatch(store::Database& db, const std::vector<ResealedKey>& keys, uint32_t target_version) {
  int64_t changed = 0;
  for (const ResealedKey& key : keys) {
    PB_ASSIGN_OR_RETURN(const bool swapped,
                        store::ReplaceDeskSealedKey(db, key.old_row, target_version, key.sealed_data_key));
    if (swapped) ++changed;
  }
  return changed;
}

Result<std::vector<uint32_t>> RetireUnusedDeskKeyVersions(store::Database& db, const std::string& actor_user_id,
                                                          const std::string& desk_id, uint32_t current_version,
                                                          const privacy::SecretKey& audit_key, const Clock& clock) {
  PB_ASSIGN_OR_RETURN(const auto uses, store::CountDeskSealedKeysByVersion(db, desk_id));
  PB_ASSIGN_OR_RETURN(const auto versions, store::ListDeskKeyVersions(db, desk_id));
  std::vector<uint32_t> retired;
  for (const store::DeskKeyVersionRow& version : versions) {
    if (version.key_version >= current_version || version.sealed_copies == 0) continue;
    const bool used = std::any_of(uses.begin(), uses.end(), [&](const store::KeyVersionUse& use) {
      return use.key_version == version.key_version && use.records > 0;
    });
    if (used) continue;
    PB_ASSIGN_OR_RETURN(const int64_t copies, store::RetireDeskKeyVersion(db, desk_id, version.key_version));
    PB_RETURN_IF_ERROR(audit::AppendAuditEntry(
        db, audit_key, clock,
        {actor_user_id, "desk.key.retired", "desk", desk_id,
         "key_version=" + std::to_string(version.key_version) + ";copies=" + std::to_string(copies)}));
    retired.push_back(version.key_version);
  }
  return retired;
}

}  // namespace pillarbox::accounts
