// The rows the retention purge needs (cases/retention_purge.h): which
// reports, cases and evidence bundles are due, and the deletes that
// crypto-shred a case (a report goes with store::DeleteReport, a bundle with
// store::DeleteBundle).
// The queries enforce the protection rules themselves, so a caller that runs
// them inside its write op sees a consistent answer: a report linked to an
// open case or to a case on legal hold is never listed, nor is a case on
// legal hold or one another case still names as merged_into.
// Free functions on a Database; thread-compatible (as that Database).
// Deletes belong on the group-commit writer's connection.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// Up to `limit` ids of closed reports of `kind` whose closed_day is on or
// before `closed_on_or_before` (YYYY-MM-DD) and that are not protected (no
// link to an open case or to a case on legal hold), oldest closed first.
Result<std::vector<std::string>> ListClosedReportsDue(Database& db, std::string_view kind,
                                                      std::string_view closed_on_or_before, int64_t limit);

// Up to `limit` ids of reports of `kind`, whatever their status, received on
// or before `received_on_or_before` and not protected (as above), oldest first.
Result<std::vector<std::string>> ListAgedReportsDue(Database& db, std::string_view kind,
                                                    std::string_view received_on_or_before, int64_t limit);

// Up to `limit` ids of closed or merged cases whose closed_day is on or before
// `closed_on_or_before`, not on legal hold and not the merged_into of a case
// that still exists, oldest closed first.
Result<std::vector<std::string>> ListCasesDue(Database& db, std::string_view closed_on_or_before, int64_t limit);

// Up to `limit` ids of evidence bundles created on or before
// `created_on_or_before`, oldest first.
Result<std::vector<std::string>> ListBundlesDue(Database& db, std::string_view created_on_or_before, int64_t limit);

// Deletes case `case_id` and its evidence bundles; its fields, report links,
// tags, pillars, notes, events and action links go by ON DELETE CASCADE
// (its reports stay). Returns the number of bundles deleted with it, or -1
// when there was no such case. Conflict when another case still names it as
// merged_into (ListCasesDue never returns such a case).
Result<int64_t> DeleteCase(Database& db, std::string_view case_id);

}  // namespace pillarbox::store
