// EvidenceServices: evidence files of a running instance: the cleaner
// (media::MakeLibraryEvidenceCleaner in the service), the in-memory upload
// staging, the evidence service (reporter side) and the reviewers' access to
// it, with their own reader connections and audit recorder.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "audit/audit_recorder.h"
#include "cases/report_evidence.h"
#include "common/clock.h"
#include "common/status.h"
#include "http/route_context.h"
#include "intake/evidence_cleaner.h"
#include "privacy/instance_secret.h"
#include "reporter/evidence_service.h"
#include "reporter/upload_staging.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"

namespace pillarbox::app {

// The limits `pillarbox serve` exposes (--max-file-mib, --max-files-per-report).
struct EvidenceLimits {
  size_t max_file_mib = 30;
  int64_t max_files_per_report = 20;
  size_t max_staged_mib = 256;  // all uploads in progress together
};

class EvidenceServices {
 public:
  // Opens reader connections to `database_path`. The references must outlive
  // the services. InvalidArgument when a limit is out of range.
  static Result<std::unique_ptr<EvidenceServices>> Start(const std::string& database_path,
                                                         store::GroupCommitWriter& writer,
                                                         std::unique_ptr<intake::EvidenceCleaner> cleaner,
                                                         const privacy::InstanceKeys& keys, const Clock& clock,
                                                         EvidenceLimits limits);

  // Points `context` at these services (evidence, uploads, report_evidence).
  void Fill(http::RouteContext& context);

 private:
  EvidenceServices(std::unique_ptr<store::ReaderPool> readers, store::GroupCommitWriter& writer,
                   std::unique_ptr<intake::EvidenceCleaner> cleaner, const privacy::InstanceKeys& keys,
                   const Clock& clock, EvidenceLimits limits);

  std::unique_ptr<store::ReaderPool> readers_;
  std::unique_ptr<intake::EvidenceCleaner> cleaner_;
  audit::AuditRecorder audit_;
  reporter::UploadStaging uploads_;
  reporter::EvidenceService evidence_;
  cases::ReportEvidence report_evidence_;
};

}  // namespace pillarbox::app
