// Read queries over one report for reviewers: its clear metadata and its
// sealed content (the triage queue's listing is store/triage_queries.h).
// Free functions on a Database.
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

// Report `id` with its sealed fields and clear answers (blind indexes and the
// reporter's wrapped key are not loaded), or nullopt when there is none.
Result<std::optional<intake::SealedReport>> LoadSealedReport(Database& db, std::string_view id);

// The status of report `id`, read with the summary (for listing after load).
Result<std::optional<ReportSummary>> LoadReportSummary(Database& db, std::string_view id);

}  // namespace pillarbox::store
