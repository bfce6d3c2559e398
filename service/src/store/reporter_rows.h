// The rows the reporter's side of a report needs (reporter/reporter_followup.h):
// find a report by the lookup id derived from a receipt, note a reporter's
// change on its revision, and delete a report with everything that hangs off
// it (crypto-shredding: every other table's rows go by ON DELETE CASCADE).
// Free functions on a Database; thread-compatible (as that Database).
// Updates belong on the group-commit writer's connection.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// What signing in with a receipt needs of a report.
struct ReporterKeyRow {
  std::string report_id;
  std::vector<uint8_t> reporter_wrapped_data_key;  // wrapped under the receipt's reporter key
};

// The report whose lookup_id is `lookup_id` (reports.lookup_id is UNIQUE, so
// at most one), or nullopt when there is none (never was, or was deleted).
Result<std::optional<ReporterKeyRow>> FindReportByLookupId(Database& db, std::span<const uint8_t> lookup_id);

// Bumps the revision of report `report_id` (its reviewers' open views become
// stale). True when the report exists, false otherwise.
Result<bool> BumpReportRevision(Database& db, std::string_view report_id);

// Deletes report `report_id`; its fields, clear answers, blind indexes,
// messages, notes, tags, pillars, case links and evidence files (with their
// chunks) go with it by ON DELETE CASCADE (the connection has foreign_keys
// on). True when a report was deleted, false when there was none. Call it
// inside the write op that also records the deletion.
Result<bool> DeleteReport(Database& db, std::string_view report_id);

}  // namespace pillarbox::store
