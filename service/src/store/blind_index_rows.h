// The rows a master key rotation re-indexes (app/master_key_rotation.h):
// reports that have blind indexes, walked in report id order, each with what
// is needed to recompute its digests (its desk-sealed data key and the
// ciphertexts of its indexed fields), and the digest update itself.
// Free functions on a Database; thread-compatible (as the Database given).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// One indexed field of a report: its name and the sealed answer's ciphertext
// (report_fields, under the report's data key).
struct IndexedFieldRow {
  std::string field;
  std::vector<uint8_t> ciphertext;
};

// A report with blind indexes and what opens it.
struct IndexedReportRow {
  std::string report_id;
  std::string desk_id;
  uint32_t desk_key_version = 1;
  std::vector<uint8_t> desk_sealed_data_key;
  std::vector<IndexedFieldRow> fields;
};

// Up to `limit` reports having blind indexes with id > `after_id` ("" for the
// first), in id order. DataLoss when an indexed field has no sealed answer;
// Unavailable on an I/O error.
Result<std::vector<IndexedReportRow>> ListIndexedReportsAfter(Database& db, std::string_view after_id, int limit);

// How many reports have blind indexes with id > `after_id` ("" for all).
Result<int64_t> CountIndexedReportsAfter(Database& db, std::string_view after_id);

// The (desk id, desk key version) pairs of reports that have blind indexes:
// the desk keys a re-index needs. Unavailable on an I/O error.
Result<std::vector<std::pair<std::string, uint32_t>>> ListDeskVersionsOfIndexedReports(Database& db);

// Sets the digest of (report_id, field). NotFound when there is no such row.
Status UpdateBlindIndexDigest(Database& db, std::string_view report_id, std::string_view field,
                              const std::vector<uint8_t>& digest);

}  // namespace pillarbox::store
