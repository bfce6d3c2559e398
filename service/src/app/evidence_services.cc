#include "app/evidence_services.h"

namespace pillarbox::app {
namespace {

constexpr size_t kReaderConnections = 2;
constexpr size_t kMebibyte = 1024 * 1024;
constexpr size_t kMaxFileMib = 1024;

reporter::UploadStaging::Options StagingOptions(const EvidenceLimits& limits) {
  reporter::UploadStaging::Options options;
  options.max_file_bytes = limits.max_file_mib * kMebibyte;
  options.max_staged_bytes = limits.max_staged_mib * kMebibyte;
  return options;
}

}  // namespace

EvidenceServices::EvidenceServices(std::unique_ptr<store::ReaderPool> readers, store::GroupCommitWriter& writer,
                                   std::unique_ptr<intake::EvidenceCleaner> cleaner,
                                   const privacy::InstanceKeys& keys, const Clock& clock, EvidenceLimits limits)
    : readers_(std::move(readers)),
      cleaner_(std::move(cleaner)),
      audit_(writer, keys.audit_key(), clock),
      uploads_(clock, StagingOptions(limits)),
      evidence_(writer, *readers_, *cleaner_, keys.audit_key(), clock,
                {limits.max_file_mib * kMebibyte, limits.max_files_per_report}),
      report_evidence_(evidence_, *readers_, audit_) {}

Result<std::unique_ptr<EvidenceServices>> EvidenceServices::Start(const std::string& database_path,
                                                                  store::GroupCommitWriter& writer,
                                                                  std::unique_ptr<intake::EvidenceCleaner> cleaner,
                                                                  const privacy::InstanceKeys& keys,
                                                                  const Clock& clock, EvidenceLimits limits) {
  if (limits.max_file_mib < 1 || limits.max_file_mib > kMaxFileMib) {
    return Status::InvalidArgument("--max-file-mib must be 1 to 1024", "max_file_mib");
  }
  if (limits.max_files_per_report < 1) {
    return Status::InvalidArgument("--max-files-per-report must be at least 1", "max_files_per_report");
  }
  if (limits.max_staged_mib < limits.max_file_mib) limits.max_staged_mib = limits.max_file_mib;
  if (cleaner == nullptr) return Status::FailedPrecondition("no evidence cleaner");
  PB_ASSIGN_OR_RETURN(auto readers, store::ReaderPool::Open(database_path, kReaderConnections));
  return std::unique_ptr<EvidenceServices>(
      new EvidenceServices(std::move(readers), writer, std::move(cleaner), keys, clock, limits));
}

void EvidenceServices::Fill(http::RouteContext& context) {
  context.evidence = &evidence_;
  context.uploads = &uploads_;
  context.report_evidence = &report_evidence_;
}

}  // namespace pillarbox::app
