// Desk rows: a desk (reviewer team), its current public key and the kinds of
// report it receives. Functions, not a class: each takes the Database to use.
// Thread-compatible (as that Database).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "privacy/bytes.h"
#include "store/database.h"

namespace pillarbox::store {

struct DeskRecord {
  std::string id;    // e.g. "voice_cloning"
  std::string name;  // display name, unique
  uint32_t key_version = 1;
  privacy::BoxPublicKey public_key;
  std::vector<std::string> kinds;  // the kinds this desk receives; ascending in ListDesks
  bool operator==(const DeskRecord&) const = default;
};

// Inserts `desk` into desks, its key into desk_key_versions and one desk_kinds
// row per kind, all or nothing. Conflict when the id, the name or a kind is
// taken, or key_version is 0; Unavailable on an I/O error.
Status InsertDesk(Database& db, const DeskRecord& desk);

// Every desk with its kinds, ordered by id (kinds ascending), read from one
// snapshot. DataLoss when a stored row is malformed.
Result<std::vector<DeskRecord>> ListDesks(Database& db);

}  // namespace pillarbox::store
