#include "cases/report_reader.h"

#include "accounts/desk_key_access.h"
#include "cases/report_access.h"
#include "intake/report_opener.h"
#include "privacy/envelope.h"

namespace pillarbox::cases {

ReportReader::ReportReader(store::ReaderPool& readers, audit::AuditRecorder& audit)
    : readers_(readers), audit_(audit) {}

Result<OpenedReport> ReportReader::Open(const accounts::Session& session, std::string_view report_id) {
  const Status not_found = Status::NotFound("no such report");
  if (!MayReadReports(session)) return Status::PermissionDenied("this role cannot read reports");
  if (!IsRandomId(report_id)) return not_found;
  std::optional<intake::SealedReport> sealed;
  std::optional<store::ReportSummary> summary;
  std::optional<privacy::SecretKey> data_key;
  std::string closed_day;
  {
    auto lease = readers_.Acquire();
    PB_ASSIGN_OR_RETURN(sealed, store::LoadSealedReport(lease.db(), report_id));
    if (!sealed.has_value() || DesksOf(session).count(sealed->desk_id) == 0) return not_found;
    PB_ASSIGN_OR_RETURN(summary, store::LoadReportSummary(lease.db(), report_id));
    if (!summary.has_value()) return not_found;
    PB_ASSIGN_OR_RETURN(closed_day, store::LoadReportClosedDay(lease.db(), report_id));
    auto desk_key = accounts::DeskKeyOf(session, lease.db(), sealed->desk_id, sealed->desk_key_version);
    if (desk_key.status().code() == StatusCode::kNotFound) return not_found;
    PB_RETURN_IF_ERROR(desk_key.status());
    PB_ASSIGN_OR_RETURN(data_key, privacy::OpenSealedKey(*desk_key, sealed->desk_sealed_data_key));
  }
  PB_ASSIGN_OR_RETURN(auto answers, intake::OpenSealedFields(sealed->sealed_fields, sealed->id, *data_key));
  PB_RETURN_IF_ERROR(audit_.Record({session.identity.user_id, "report.viewed", "report", sealed->id, ""}));
  return OpenedReport{std::move(*summary), std::move(sealed->clear_answers), std::move(answers),
                      std::move(closed_day)};
}

}  // namespace pillarbox::cases
