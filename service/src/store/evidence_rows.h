// Evidence files of reports (evidence_files, evidence_chunks; schema 005).
// Rows hold only sealed values: the per-file key and the metadata sealed under
// the report's data key, the secretstream header and its messages. A file is
// written with all its chunks by one call, inside the caller's write
// transaction. Functions, not a class: each takes the Database to use.
// Thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// One evidence_files row.
struct EvidenceFileRecord {
  std::string id;                      // 32 random hex digits
  std::string report_id;
  std::string created_day;             // YYYY-MM-DD
  std::vector<uint8_t> sealed_key;     // the file key, sealed under the report's data key
  std::vector<uint8_t> sealed_meta;    // the metadata JSON, sealed likewise
  std::vector<uint8_t> stream_header;  // 24 bytes
  int64_t chunk_count = 0;
  bool operator==(const EvidenceFileRecord&) const = default;
};

// Inserts `file` and its `chunks` (seq 0, 1, ...); file.chunk_count must equal
// chunks.size(). Conflict when the id is taken, the report does not exist or a
// column breaks the schema; InvalidArgument on a count mismatch. On error the
// caller's transaction must be rolled back (rows may be partly written).
Status InsertEvidenceFile(Database& db, const EvidenceFileRecord& file, const std::vector<std::vector<uint8_t>>& chunks);

// The number of evidence files of report `report_id`.
Result<int64_t> CountEvidenceFiles(Database& db, std::string_view report_id);

// The evidence files of report `report_id` (without chunks), oldest day
// first, then by id.
Result<std::vector<EvidenceFileRecord>> ListEvidenceFiles(Database& db, std::string_view report_id);

// Evidence file `file_id` when it belongs to report `report_id`; nullopt otherwise.
Result<std::optional<EvidenceFileRecord>> LoadEvidenceFile(Database& db, std::string_view report_id,
                                                           std::string_view file_id);

// The chunks of file `file_id` in seq order. DataLoss when their seqs are not
// exactly 0..n-1.
Result<std::vector<std::vector<uint8_t>>> LoadEvidenceChunks(Database& db, std::string_view file_id);

}  // namespace pillarbox::store
