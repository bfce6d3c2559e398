// Aggregation queries over clear columns only (no decryption): groups of
// reports naming the same organization or AI system (their blind-index
// digests), one group's reports newest first, reports sharing kind, sector
// and month, the open cases holding given reports, and pillar counts.
// Blind-index rows carry their report's desk_id and received_day (schema/
// 004_case_management.sql, end), so groups are counted and listed from
// report_blind_indexes_by_digest_day alone, without a seek into reports per
// row. Desks are passed as a list and matched with json_each; an empty list
// means "every desk" (the caller is a member of all of them) and skips the
// desk check. Free functions on a Database; thread-compatible (as that
// Database).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"
#include "store/report_queries.h"

namespace pillarbox::store {

// One group: reports whose `field` has the same digest.
struct DigestGroup {
  std::vector<uint8_t> digest;
  int64_t count = 0;
  std::string sample_report_id;  // the group's newest report (received_day, then id)
  bool operator==(const DigestGroup&) const = default;
};

// The groups of blind-index `field` among the reports of `desks` (empty: all
// desks) with at least `min_count` reports, largest first (ties by digest),
// at most `limit`. Unavailable on an I/O error.
Result<std::vector<DigestGroup>> CountDigestGroups(Database& db, std::string_view field,
                                                   const std::vector<std::string>& desks, int64_t min_count,
                                                   int limit);

// At most `limit` reports of `desks` (empty: all) whose `field` has `digest`,
// newest first (received_day DESC, id DESC), strictly after `after` when its
// id is not empty.
Result<std::vector<ReportSummary>> ListDigestReports(Database& db, std::string_view field,
                                                     std::span<const uint8_t> digest,
                                                     const std::vector<std::string>& desks,
                                                     const ReportCursor& after, int limit);

// The blind-index digests of report `report_id`, by field (absent fields are
// not in the map).
Result<std::map<std::string, std::vector<uint8_t>>> LoadReportDigests(Database& db, std::string_view report_id);

// At most `limit` reports of desk `desk_id` with `kind` and `sector` received
// between `from_day` and `to_day` (inclusive), newest first.
Result<std::vector<ReportSummary>> ListKindSectorReports(Database& db, std::string_view desk_id,
                                                         std::string_view kind, std::string_view sector,
                                                         std::string_view from_day, std::string_view to_day,
                                                         int limit);

// The open cases of `desks` (never empty here) holding any of `report_ids`,
// sorted, without duplicates.
Result<std::vector<std::string>> OpenCasesHolding(Database& db, const std::vector<std::string>& report_ids,
                                                  const std::vector<std::string>& desks);

// For every open case of `desks` (never empty here): the digests of `field`
// of its reports (reports of `desks` only) -> the ids of those cases.
Result<std::map<std::vector<uint8_t>, std::set<std::string>>> OpenCasesByDigest(
    Database& db, std::string_view field, const std::vector<std::string>& desks);

// One cell of the pillar counts (report_pillars carries its report's desk,
// kind and region, so this is one scan of that table, no join).
struct PillarCount {
  std::string pillar;
  std::string kind;
  std::string region;
  int64_t count = 0;
  bool operator==(const PillarCount&) const = default;
};

// The number of reports of `desks` (never empty here) per pillar, kind and
// region among reports received between `from_day` and `to_day`
// (inclusive), sorted by pillar, kind, region.
Result<std::vector<PillarCount>> CountPillars(Database& db, const std::vector<std::string>& desks,
                                              std::string_view from_day, std::string_view to_day);

}  // namespace pillarbox::store
