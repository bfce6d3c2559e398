// The steps of re-sealing a desk's records to its current key version, as
// plain functions so they can be tested against a database alone; the
// background job that strings them together is accounts/desk_key_rotation_job.h.
//
// A record's data key is opened with the old version's secret key and sealed
// to the current public key off the writer thread (PrepareResealBatch, on a
// reader); the writer operation then swaps each record's sealed key and
// version in one compare-and-swap UPDATE (ApplyResealBatch), so a record is
// always sealed to exactly one version a member holds, whenever the process
// dies. Thread-compatible (callers serialize per desk).
#pragma once

#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "accounts/session_store.h"
#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/database.h"
#include "store/desk_key_reseal_rows.h"

namespace pillarbox::accounts {

// Where a pass over the desk's records stands: the table being walked and the
// last id seen in it. A pass ends after the last table.
struct ResealCursor {
  size_t table_index = 0;  // into store::kDeskSealedTables
  std::string after_id;
  bool Finished() const { return table_index >= std::size(store::kDeskSealedTables); }
};

// One record re-sealed in memory, not yet written.
struct ResealedKey {
  store::DeskSealedKeyRow old_row;
  privacy::Bytes sealed_data_key;  // sealed to the target version's public key
};

// What one prepared batch holds.
struct ResealBatch {
  std::vector<ResealedKey> keys;
  int64_t skipped = 0;  // records on a version whose secret key is not in `old_keys`
};

// Reads up to `limit` records of `desk_id` not sealed to `target_version`
// from `db` (a reader), starting at `cursor` and advancing it, and re-seals
// each record's data key to `target_key` with the matching key of `old_keys`.
// Records sealed to a version not in `old_keys` are counted in `skipped` and
// left alone. DataLoss when a stored sealed key does not open with the key of
// its version (nothing of the batch is returned then).
Result<ResealBatch> PrepareResealBatch(store::Database& db, const std::string& desk_id, uint32_t target_version,
                                       const privacy::BoxPublicKey& target_key,
                                       const std::vector<UnlockedDeskKey>& old_keys, ResealCursor& cursor,
                                       int64_t limit);

// Writes `keys` at `target_version`, each only if its record is still sealed
// to the version it was read at; returns how many records changed. For
// writer operations (one savepoint: all or nothing).
Result<int64_t> ApplyResealBatch(store::Database& db, const std::vector<ResealedKey>& keys, uint32_t target_version);

// Retires every version of `desk_id` older than `current_version` that no
// record uses any more and of which sealed copies are left: deletes those
// copies from desk_members, each version audited
// "desk.key.retired" (detail "key_version=<n>;copies=<k>") by
// `actor_user_id`. Returns the versions retired. Checks and deletes in the
// same operation, so a record cannot slip onto a version being retired.
// For writer operations.
Result<std::vector<uint32_t>> RetireUnusedDeskKeyVersions(store::Database& db, const std::string& actor_user_id,
                                                          const std::string& desk_id, uint32_t current_version,
                                                          const privacy::SecretKey& audit_key, const Clock& clock);

}  // namespace pillarbox::accounts
