#include "reporter/evidence_service.h"

#include <utility>

#include "audit/audit_log.h"
#include "audit/deferred_audit.h"
#include "reporter/evidence_sealer.h"
#include "store/evidence_rows.h"
#include "store/report_key_envelope.h"

namespace pillarbox::reporter {
namespace {

constexpr size_t kFileIdBytes = 16;

Status FullStatus() { return Status::Conflict("this report already holds the most files allowed", "file"); }

// The write of one file: checks the report and its room, stores the file and
// its chunks, and appends the audit entry, all in the caller's savepoint.
Status StoreEvidenceOp(store::Database& db, const SealedEvidence& sealed, int64_t max_files,
                       const privacy::SecretKey& audit_key, const Clock& clock, std::string_view actor) {
  const std::string& report_id = sealed.record.report_id;
  PB_ASSIGN_OR_RETURN(const auto envelope, store::LoadReportKeyEnvelope(db, report_id));
  if (!envelope.has_value()) return Status::NotFound("no such report");
  PB_ASSIGN_OR_RETURN(const int64_t count, store::CountEvidenceFiles(db, report_id));
  if (count >= max_files) return FullStatus();
  PB_RETURN_IF_ERROR(store::InsertEvidenceFile(db, sealed.record, sealed.chunks));
  const audit::AuditEvent added{std::string(actor), "evidence.added", "report", report_id,
                                 "file=" + sealed.record.id + ";chunks=" + std::to_string(sealed.record.chunk_count)};
  // A reporter's action joins the chain only after its day (audit/deferred_audit.h).
  if (actor == audit::kReporterActor) return audit::DeferAuditEntry(db, clock, added);
  return audit::AppendAuditEntry(db, audit_key, clock, added);
}

EvidenceMeta MetaOf(std::string_view name, const intake::CleanedEvidence& cleaned, size_t size) {
  return EvidenceMeta{std::string(name), cleaned.media_type, cleaned.extension, size, cleaned.removed,
                      cleaned.warnings};
}

}  // namespace

EvidenceService::EvidenceService(store::GroupCommitWriter& writer, store::ReaderPool& readers,
                                 const intake::EvidenceCleaner& cleaner, const privacy::SecretKey& audit_key,
                                 const Clock& clock, Limits limits)
    : writer_(writer),
      readers_(readers),
      cleaner_(cleaner),
      audit_key_(audit_key),
      clock_(clock),
      limits_(limits) {}

Result<EvidenceSummary> EvidenceService::Attach(std::string_view report_id, const privacy::SecretKey& data_key,
                                                std::string_view name, privacy::ByteView content,
                                                std::string_view actor) {
  PB_RETURN_IF_ERROR(ValidateEvidenceName(name));
  if (content.size() > limits_.max_file_bytes) {
    return Status::PayloadTooLarge("the file is larger than the limit", "file");
  }
  PB_ASSIGN_OR_RETURN(intake::CleanedEvidence cleaned, cleaner_.Clean(content));
  const privacy::SensitiveBytes cleaned_content(std::exchange(cleaned.content, {}));
  if (cleaned_content.size() > limits_.max_file_bytes) {
    return Status::PayloadTooLarge("the file is larger than the limit", "file");
  }
  const EvidenceSummary summary{privacy::ToHex(privacy::RandomBytes(kFileIdBytes)), UtcDay(clock_.NowUnixSeconds()),
                                MetaOf(name, cleaned, cleaned_content.size())};
  const SealedEvidence sealed =
      SealEvidence(data_key, report_id, summary.id, summary.created_day, summary.meta, cleaned_content.view());
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait([&](store::Database& db) {
    return StoreEvidenceOp(db, sealed, limits_.max_files_per_report, audit_key_, clock_, actor);
  }));
  return summary;
}

Status EvidenceService::CheckRoom(std::string_view report_id) {
  auto lease = readers_.Acquire();
  PB_ASSIGN_OR_RETURN(const int64_t count, store::CountEvidenceFiles(lease.db(), report_id));
  if (count >= limits_.max_files_per_report) return FullStatus();
  return Status::Ok();
}

Result<std::vector<EvidenceSummary>> EvidenceService::List(std::string_view report_id,
                                                           const privacy::SecretKey& data_key) {
  std::vector<store::EvidenceFileRecord> records;
  {
    auto lease = readers_.Acquire();
    PB_ASSIGN_OR_RETURN(records, store::ListEvidenceFiles(lease.db(), report_id));
  }
  std::vector<EvidenceSummary> files;
  files.reserve(records.size());
  for (const store::EvidenceFileRecord& record : records) {
    PB_ASSIGN_OR_RETURN(EvidenceMeta meta, OpenEvidenceMeta(data_key, record));
    files.push_back(EvidenceSummary{record.id, record.created_day, std::move(meta)});
  }
  return files;
}

Result<EvidenceFile> EvidenceService::Open(std::string_view report_id, std::string_view file_id,
                                           const privacy::SecretKey& data_key) {
  std::optional<store::EvidenceFileRecord> record;
  std::vector<std::vector<uint8_t>> chunks;
  {
    auto lease = readers_.Acquire();
    PB_ASSIGN_OR_RETURN(record, store::LoadEvidenceFile(lease.db(), report_id, file_id));
    if (!record.has_value()) return Status::NotFound("no such file");
    PB_ASSIGN_OR_RETURN(chunks, store::LoadEvidenceChunks(lease.db(), file_id));
  }
  PB_ASSIGN_OR_RETURN(EvidenceMeta meta, OpenEvidenceMeta(data_key, *record));
  PB_ASSIGN_OR_RETURN(privacy::SensitiveBytes content, OpenEvidenceContent(data_key, *record, chunks));
  return EvidenceFile{EvidenceSummary{record->id, record->created_day, std::move(meta)}, std::move(content)};
}

}  // namespace pillarbox::reporter
