// Read queries over reports for reviewers: a desk's reports newest first
// (keyset pagination on (received_day, id), using reports_by_desk_day) and
// one report's sealed content. Free functions on a Database.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "intake/report.h"
#include "store/database.h"

namespace pillarbox::store {

// The clear metadata of a report: what triage needs without decrypting.
struct ReportSummary {
  std::string id;
  std::string kind;
  std::string desk_id;
  std::string received_day;
  std::string region;
  std::string sector;
  std::string status;
  bool operator==(const ReportSummary&) const = default;
};

// Where a page ends: the last (received_day, id) it held.
struct ReportCursor {
  std::string received_day;
  std::string id;
};

// At most `limit` reports of `desk_id`, newest first (received_day DESC, then
// id DESC), strictly after `after` in that order when given.
Result<std::vector<ReportSummary>> ListDeskReports(Database& db, std::string_view desk_id,
                                                   const std::optional<ReportCursor>& after, int limit);

// Report `id` with its sealed fields and clear answers (blind indexes and the
// reporter's wrapped key are not loaded), or nullopt when there is none.
Result<std::optional<intake::SealedReport>> LoadSealedReport(Database& db, std::string_view id);

// The status of report `id`, read with the summary (for listing after load).
Result<std::optional<ReportSummary>> LoadReportSummary(Database& db, std::string_view id);

}  // namespace pillarbox::store
