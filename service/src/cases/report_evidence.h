// ReportEvidence: the reviewers' side of a report's evidence files. Finds the
// report among the caller's desks (cases/report_access.h), opens its data key
// with the session's desk key (cases/report_data_key.h) and lists or opens
// the files through reporter::EvidenceService. Both are audited before the
// result is handed out: "evidence.listed" (count) and "evidence.downloaded"
// (the file id). A report outside the caller's desks is NotFound, like a
// missing one; partners and researchers get PermissionDenied.
// Thread-safe; each call blocks for about one commit (the audit entry).
#pragma once

#include <string_view>
#include <vector>

#include "accounts/session_store.h"
#include "audit/audit_recorder.h"
#include "common/status.h"
#include "reporter/evidence_service.h"
#include "store/reader_pool.h"

namespace pillarbox::cases {

class ReportEvidence {
 public:
  // All references must outlive the service.
  ReportEvidence(reporter::EvidenceService& evidence, store::ReaderPool& readers, audit::AuditRecorder& audit);

  // The files of report `report_id` (metadata only), oldest first.
  Result<std::vector<reporter::EvidenceSummary>> List(const accounts::Session& session, std::string_view report_id);

  // File `file_id` of report `report_id` with its bytes. NotFound when the
  // report is not visible or holds no such file.
  Result<reporter::EvidenceFile> Download(const accounts::Session& session, std::string_view report_id,
                                          std::string_view file_id);

 private:
  // The id and data key of visible report `report_id`.
  Result<std::pair<std::string, privacy::SecretKey>> OpenReport(const accounts::Session& session,
                                                                std::string_view report_id);

  reporter::EvidenceService& evidence_;
  store::ReaderPool& readers_;
  audit::AuditRecorder& audit_;
};

}  // namespace pillarbox::cases
