// Aggregates: what the reports of the caller's desks have in common, found
// without decrypting anything. Groups of reports naming the same
// organization or AI system (keyed-BLAKE2b blind indexes, privacy/
// blind_index.h), one group's reports newest first, the reports related to
// one report, and report counts per pillar, kind and region. Only reviewers
// and admins, only the reports of their desks; a report outside them is
// NotFound. Thread-safe (each call leases its own reader).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/session_store.h"
#include "common/status.h"
#include "store/aggregate_queries.h"
#include "store/reader_pool.h"
#include "store/report_queries.h"

namespace pillarbox::cases {

inline constexpr int kMaxAggregateGroups = 500;
inline constexpr int kMaxGroupReportsPage = 100;
inline constexpr int kRelatedPerReason = 50;

// One group of reports naming the same organization (or AI system).
struct AggregateGroup {
  std::string key;  // the digest, 64 lowercase hex digits
  int64_t count = 0;
  std::string sample_report_id;            // the group's newest report
  std::vector<std::string> open_case_ids;  // open cases holding any of its reports, sorted
};

struct GroupReportsPage {
  std::vector<store::ReportSummary> reports;  // newest first
  std::string next_cursor;                    // "" on the last page
};

// A report related to another, with why: "organization", "ai_system",
// "kind_sector_month" (in that order).
struct RelatedReport {
  store::ReportSummary summary;
  std::vector<std::string> reasons;
};

struct RelatedReports {
  std::vector<RelatedReport> reports;      // newest first
  std::vector<std::string> open_case_ids;  // open cases holding any of them, sorted
};

class Aggregates {
 public:
  // `readers` must outlive the service.
  explicit Aggregates(store::ReaderPool& readers) : readers_(readers) {}

  // The groups by `by` ("organization" or "ai_system") with at least `min`
  // (>= 1) reports, largest first, at most `limit` (1..kMaxAggregateGroups).
  // PermissionDenied for partners and researchers; InvalidArgument naming
  // "by", "min" or "limit".
  Result<std::vector<AggregateGroup>> Groups(const accounts::Session& session, std::string_view by, int64_t min,
                                             int limit);

  // Up to `limit` (1..kMaxGroupReportsPage) reports of group `key` (64 hex
  // digits) of `by`, newest first, after `cursor` ("" or a next_cursor).
  // InvalidArgument naming "by", "key", "limit" or "after"; otherwise as
  // Groups. An unknown key is an empty page.
  Result<GroupReportsPage> GroupReports(const accounts::Session& session, std::string_view by, std::string_view key,
                                        int limit, std::string_view cursor);

  // The other reports of the caller's desks sharing report `report_id`'s
  // organization, AI system, or kind, sector and received month (at most
  // kRelatedPerReason per reason), and the open cases holding any of them.
  // NotFound when the report is not visible; PermissionDenied as Groups.
  Result<RelatedReports> Related(const accounts::Session& session, std::string_view report_id);

  // Report counts per pillar, kind and region for reports received in the
  // months `from_month`..`to_month` ("YYYY-MM", inclusive). PermissionDenied
  // for every role but reviewer and admin; InvalidArgument naming "from" or
  // "to" (malformed, or from after to).
  Result<std::vector<store::PillarCount>> Pillars(const accounts::Session& session, std::string_view from_month,
                                                  std::string_view to_month);

 private:
  store::ReaderPool& readers_;
};

}  // namespace pillarbox::cases
