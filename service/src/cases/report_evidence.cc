#include "cases/report_evidence.h"

#include <string>
#include <utility>

#include "cases/report_access.h"
#include "cases/report_data_key.h"

namespace pillarbox::cases {

ReportEvidence::ReportEvidence(reporter::EvidenceService& evidence, store::ReaderPool& readers,
                               audit::AuditRecorder& audit)
    : evidence_(evidence), readers_(readers), audit_(audit) {}

Result<std::pair<std::string, privacy::SecretKey>> ReportEvidence::OpenReport(const accounts::Session& session,
                                                                              std::string_view report_id) {
  auto lease = readers_.Acquire();
  PB_ASSIGN_OR_RETURN(const store::ReportSummary report, FindVisibleReport(lease.db(), session, report_id));
  PB_ASSIGN_OR_RETURN(privacy::SecretKey data_key, OpenReportDataKey(session, lease.db(), report.id));
  return std::make_pair(report.id, std::move(data_key));
}

Result<std::vector<reporter::EvidenceSummary>> ReportEvidence::List(const accounts::Session& session,
                                                                    std::string_view report_id) {
  PB_ASSIGN_OR_RETURN(auto report, OpenReport(session, report_id));
  PB_ASSIGN_OR_RETURN(auto files, evidence_.List(report.first, report.second));
  PB_RETURN_IF_ERROR(audit_.Record({session.identity.user_id, "evidence.listed", "report", report.first,
                                    "count=" + std::to_string(files.size())}));
  return files;
}

Result<reporter::EvidenceFile> ReportEvidence::Download(const accounts::Session& session, std::string_view report_id,
                                                        std::string_view file_id) {
  PB_ASSIGN_OR_RETURN(auto report, OpenReport(session, report_id));
  if (!IsRandomId(file_id)) return Status::NotFound("no such file");
  PB_ASSIGN_OR_RETURN(reporter::EvidenceFile file, evidence_.Open(report.first, file_id, report.second));
  PB_RETURN_IF_ERROR(audit_.Record({session.identity.user_id, "evidence.downloaded", "report", report.first,
                                    "file=" + file.summary.id}));
  return file;
}

}  // namespace pillarbox::cases
