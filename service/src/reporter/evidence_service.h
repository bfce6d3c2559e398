// EvidenceService: evidence files of a report (docs/ARCHITECTURE.md "Evidence files").
//
// Attach runs the EvidenceCleaner (type by content, metadata removed), then
// seals the file under a fresh per-file key (privacy/file_stream.h), seals that
// key and the metadata under the report's data key (privacy::SealField in
// {"evidence_files", file id, "file_key" | "meta", 1}), and writes the file,
// its chunks and an "evidence.added" audit entry in ONE group-commit write
// that also checks the per-report file limit: a refused file leaves nothing.
// The audit entry carries ids only; a reporter's addition is a deferred entry
// (audit/deferred_audit.h: it joins the chain after its day, dated by the day
// only), a reviewer's is appended at once with its exact time.
// List and Open decrypt with the report's data key, which the caller holds: a
// reporter's session (intake/reporter_sessions.h) or a reviewer's desk key
// (cases/report_evidence.h). No method logs or echoes a name or content.
// Thread-safe; Attach blocks for about one commit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "intake/evidence_cleaner.h"
#include "privacy/bytes.h"
#include "privacy/wipe.h"
#include "reporter/evidence_meta.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"

namespace pillarbox::reporter {

// An evidence file as listed: its id, the day it was added and its metadata.
struct EvidenceSummary {
  std::string id;
  std::string created_day;  // YYYY-MM-DD
  EvidenceMeta meta;
};

// An evidence file with its (cleaned) bytes.
struct EvidenceFile {
  EvidenceSummary summary;
  privacy::SensitiveBytes content;
};

class EvidenceService {
 public:
  struct Limits {
    size_t max_file_bytes = 30 * 1024 * 1024;
    int64_t max_files_per_report = 20;
  };

  // All references must outlive the service.
  EvidenceService(store::GroupCommitWriter& writer, store::ReaderPool& readers, const intake::EvidenceCleaner& cleaner,
                  const privacy::SecretKey& audit_key, const Clock& clock, Limits limits);

  // Cleans, seals and stores `content` as a file named `name` of report
  // `report_id`, whose data key is `data_key`; returns its summary. `actor`
  // goes into the audit entry ("reporter" or a user id).
  // InvalidArgument naming "name" (ValidateEvidenceName); PayloadTooLarge
  // naming "file" over max_file_bytes; the cleaner's InvalidArgument naming
  // "file" for a type that is not allowed; Conflict naming "file" when the
  // report already holds max_files_per_report files; NotFound when the report
  // does not exist (any more). Nothing is stored on any error.
  Result<EvidenceSummary> Attach(std::string_view report_id, const privacy::SecretKey& data_key, std::string_view name,
                                 privacy::ByteView content, std::string_view actor = "reporter");

  // OK while report `report_id` may take one more file; Conflict naming
  // "file" when it is full (checked again by Attach, race-free).
  Status CheckRoom(std::string_view report_id);

  // The files of report `report_id`, oldest first. DataLoss when one fails to
  // open under `data_key`.
  Result<std::vector<EvidenceSummary>> List(std::string_view report_id, const privacy::SecretKey& data_key);

  // File `file_id` of report `report_id` with its bytes. NotFound when there
  // is no such file of that report; DataLoss when it fails to open.
  Result<EvidenceFile> Open(std::string_view report_id, std::string_view file_id, const privacy::SecretKey& data_key);

  const Limits& limits() const { return limits_; }

 private:
  store::GroupCommitWriter& writer_;
  store::ReaderPool& readers_;
  const intake::EvidenceCleaner& cleaner_;
  const privacy::SecretKey& audit_key_;
  const Clock& clock_;
  const Limits limits_;
};

}  // namespace pillarbox::reporter
