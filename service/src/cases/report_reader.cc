#include "cases/report_reader.h"

#include <algorithm>
#include <regex>
#include <set>

#include "accounts/desk_key_access.h"
#include "cases/report_access.h"
#include "intake/report_opener.h"
#include "privacy/envelope.h"

namespace pillarbox::cases {
namespace {

// "YYYY-MM-DD.<report id>" <-> cursor.
Result<std::optional<store::ReportCursor>> ParseCursor(std::string_view text) {
  if (text.empty()) return std::optional<store::ReportCursor>();
  static const std::regex kDay("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  const size_t dot = text.find('.');
  if (dot == std::string_view::npos || !std::regex_match(std::string(text.substr(0, dot)), kDay) ||
      !IsRandomId(text.substr(dot + 1))) {
    return Status::InvalidArgument("is not a cursor from an earlier page", "after");
  }
  return std::optional<store::ReportCursor>(
      store::ReportCursor{std::string(text.substr(0, dot)), std::string(text.substr(dot + 1))});
}

bool NewerFirst(const store::ReportSummary& a, const store::ReportSummary& b) {
  return std::tie(a.received_day, a.id) > std::tie(b.received_day, b.id);
}

}  // namespace

ReportReader::ReportReader(store::ReaderPool& readers, audit::AuditRecorder& audit)
    : readers_(readers), audit_(audit) {}

Result<ReportPage> ReportReader::List(const accounts::Session& session, int limit, std::string_view cursor) {
  if (!MayReadReports(session)) return Status::PermissionDenied("this role cannot read reports");
  if (limit < 1 || limit > kMaxReportPage) return Status::InvalidArgument("must be 1 to 100", "limit");
  PB_ASSIGN_OR_RETURN(const auto after, ParseCursor(cursor));
  ReportPage page;
  {
    auto lease = readers_.Acquire();
    for (const std::string& desk : DesksOf(session)) {  // each desk's page uses its index; merge them
      PB_ASSIGN_OR_RETURN(auto reports, store::ListDeskReports(lease.db(), desk, after, limit));
      page.reports.insert(page.reports.end(), reports.begin(), reports.end());
    }
  }
  std::sort(page.reports.begin(), page.reports.end(), NewerFirst);
  if (page.reports.size() > static_cast<size_t>(limit)) {
    page.reports.resize(static_cast<size_t>(limit));
    page.next_cursor = page.reports.back().received_day + "." + page.reports.back().id;
  }
  return page;
}

Result<OpenedReport> ReportReader::Open(const accounts::Session& session, std::string_view report_id) {
  const Status not_found = Status::NotFound("no such report");
  if (!MayReadReports(session)) return Status::PermissionDenied("this role cannot read reports");
  if (!IsRandomId(report_id)) return not_found;
  std::optional<intake::SealedReport> sealed;
  std::optional<store::ReportSummary> summary;
  std::optional<privacy::SecretKey> data_key;
  {
    auto lease = readers_.Acquire();
    PB_ASSIGN_OR_RETURN(sealed, store::LoadSealedReport(lease.db(), report_id));
    if (!sealed.has_value() || DesksOf(session).count(sealed->desk_id) == 0) return not_found;
    PB_ASSIGN_OR_RETURN(summary, store::LoadReportSummary(lease.db(), report_id));
    if (!summary.has_value()) return not_found;
    auto desk_key = accounts::DeskKeyOf(session, lease.db(), sealed->desk_id, sealed->desk_key_version);
    if (desk_key.status().code() == StatusCode::kNotFound) return not_found;
    PB_RETURN_IF_ERROR(desk_key.status());
    PB_ASSIGN_OR_RETURN(data_key, privacy::OpenSealedKey(*desk_key, sealed->desk_sealed_data_key));
  }
  PB_ASSIGN_OR_RETURN(auto answers, intake::OpenSealedFields(sealed->sealed_fields, sealed->id, *data_key));
  PB_RETURN_IF_ERROR(audit_.Record({session.identity.user_id, "report.viewed", "report", sealed->id, ""}));
  return OpenedReport{std::move(*summary), std::move(sealed->clear_answers), std::move(answers)};
}

}  // namespace pillarbox::cases
