// Bundle rows (schema/007: bundles, bundle_chunks, bundle_files): evidence
// bundles shared with partner organizations, their bytes (already encrypted
// to the organization) in consecutive chunks, and which evidence files they
// carry. A bundle is inserted 'writing', gets its chunks, then is marked
// 'ready'; only ready bundles are listed or loaded for download. Functions,
// not a class: each takes the Database to use. Thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// One row of `bundles`.
struct BundleRecord {
  std::string id;  // 32 random hex digits
  std::string case_id;
  std::string organization_id;
  std::string created_day;  // YYYY-MM-DD
  std::string created_by;   // user id
  int64_t size = 0;         // bytes of the bundle file (0 while writing)
  std::string state = "writing";  // writing or ready
  bool operator==(const BundleRecord&) const = default;
};

// One row of `bundle_files`.
struct BundleFileRecord {
  std::string file_id;
  int64_t report_ordinal = 1;
  bool operator==(const BundleFileRecord&) const = default;
};

// Inserts `record` as 'writing' (size 0) with its file selection. Conflict
// when the id is taken or the case or organization does not exist.
Status InsertBundle(Database& db, const BundleRecord& record, const std::vector<BundleFileRecord>& files);

// Stores piece `seq` (0, 1, 2, ...) of bundle `bundle_id`'s file. Conflict
// when that piece exists or the bundle does not.
Status InsertBundleChunk(Database& db, std::string_view bundle_id, int64_t seq, std::string_view bytes);

// Marks writing bundle `bundle_id` 'ready' with `size`. NotFound when there
// is no such bundle still writing.
Status MarkBundleReady(Database& db, std::string_view bundle_id, int64_t size);

// Deletes every bundle still 'writing' (left by a crash) with its chunks;
// returns how many.
Result<int64_t> DeleteUnfinishedBundles(Database& db);

// Deletes bundle `bundle_id` (any state) with its chunks and file selection;
// true when it existed.
Result<bool> DeleteBundle(Database& db, std::string_view bundle_id);

// Bundle `id` in any state, or nullopt.
Result<std::optional<BundleRecord>> LoadBundle(Database& db, std::string_view id);

// The ready bundles of organization `organization_id`, newest first.
Result<std::vector<BundleRecord>> ListReadyBundlesOfOrganization(Database& db, std::string_view organization_id);

// The ready bundles of the cases of desk `desk_id`, newest first.
Result<std::vector<BundleRecord>> ListReadyBundlesOfDesk(Database& db, std::string_view desk_id);

// The file selection of bundle `bundle_id`, by ordinal then file id.
Result<std::vector<BundleFileRecord>> ListBundleFiles(Database& db, std::string_view bundle_id);

// The whole file of bundle `bundle_id`, its pieces concatenated in order.
// DataLoss when the pieces are not numbered 0, 1, 2, ... or their total is
// not `expected_size`.
Result<std::string> LoadBundleBytes(Database& db, std::string_view bundle_id, int64_t expected_size);

}  // namespace pillarbox::store
