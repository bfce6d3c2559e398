// The rows behind desk key rotation: every record whose data key is sealed
// to a desk (reports, report_notes through their report, cases), read in
// batches by table and id, re-sealed one compare-and-swap UPDATE at a time,
// counted per key version, and the retirement of a key version nobody uses
// any more. The key material is handled in accounts/desk_key_reseal.h.
// Functions, not a class: each takes the Database to use. Thread-compatible
// (as that Database).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "privacy/bytes.h"
#include "store/database.h"

namespace pillarbox::store {

// The tables holding a data key sealed to a desk, in the order the re-seal
// job walks them.
enum class DeskSealedTable { kReports, kReportNotes, kCases };
inline constexpr DeskSealedTable kDeskSealedTables[] = {DeskSealedTable::kReports, DeskSealedTable::kReportNotes,
                                                        DeskSealedTable::kCases};

// The table's SQL name ("reports", "report_notes", "cases").
std::string_view DeskSealedTableName(DeskSealedTable table);

// One record's desk-sealed data key.
struct DeskSealedKeyRow {
  DeskSealedTable table = DeskSealedTable::kReports;
  std::string id;
  uint32_t key_version = 1;
  std::vector<uint8_t> sealed_data_key;
};

// Up to `limit` records of `table` that belong to `desk_id` and are sealed to
// a version other than `current_version`, with id > `after_id`, by id. The
// walk reads the table in id order (primary key), so a whole pass costs one
// scan of the table however many batches it takes. DataLoss on a malformed
// version.
Result<std::vector<DeskSealedKeyRow>> ListDeskSealedKeysOnOldVersions(Database& db, DeskSealedTable table,
                                                                      std::string_view desk_id,
                                                                      uint32_t current_version,
                                                                      std::string_view after_id, int64_t limit);

// Replaces `row`'s sealed data key with `sealed_data_key` at `new_version` in
// one UPDATE, only if the record is still sealed to row.key_version (compare
// and swap); returns whether it changed. The record is thus always sealed to
// exactly one version.
Result<bool> ReplaceDeskSealedKey(Database& db, const DeskSealedKeyRow& row, uint32_t new_version,
                                  privacy::ByteView sealed_data_key);

// How many records of a desk are sealed to one key version.
struct KeyVersionUse {
  uint32_t key_version = 1;
  int64_t records = 0;
  bool operator==(const KeyVersionUse&) const = default;
};
// The records of `desk_id` per key version over the three tables, by version
// (versions with no record are absent). DataLoss on a malformed version.
Result<std::vector<KeyVersionUse>> CountDeskSealedKeysByVersion(Database& db, std::string_view desk_id);

// One row of desk_key_versions with how many members' sealed copies of that
// version are left in desk_members (0 once retired).
struct DeskKeyVersionRow {
  uint32_t key_version = 1;
  int64_t sealed_copies = 0;
};
// Every version of `desk_id`, oldest first. DataLoss on a malformed version.
Result<std::vector<DeskKeyVersionRow>> ListDeskKeyVersions(Database& db, std::string_view desk_id);

// Retires `key_version` of `desk_id`: deletes every member's sealed copy of
// it from desk_members (its public key stays in desk_key_versions, opening
// nothing); returns how many copies went. Does not check that no record uses
// the version (the caller does, in the same writer operation).
Result<int64_t> RetireDeskKeyVersion(Database& db, std::string_view desk_id, uint32_t key_version);

}  // namespace pillarbox::store
