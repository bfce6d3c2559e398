// ReportReader: a signed-in reviewer opens a report sent to one of their
// desks (the queue that lists them is cases/triage_queue.h). Opening a
// report unseals its data key with the session's desk key and is audited
// ("report.viewed") before the plaintext is returned. A report outside the
// caller's desks is NotFound, exactly like one that does not exist.
// Partners and researchers never see report content (PermissionDenied).
// Thread-safe; Open blocks for one audit commit (use a worker thread).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/session_store.h"
#include "audit/audit_recorder.h"
#include "common/status.h"
#include "intake/report.h"
#include "store/reader_pool.h"
#include "store/report_queries.h"

namespace pillarbox::cases {

struct OpenedReport {
  store::ReportSummary summary;
  std::vector<intake::ClearAnswer> clear_answers;
  std::vector<intake::PlainAnswer> sealed_answers;  // decrypted
  std::string closed_day;  // YYYY-MM-DD while closed (schema/009), "" otherwise
};

class ReportReader {
 public:
  // Both must outlive the reader.
  ReportReader(store::ReaderPool& readers, audit::AuditRecorder& audit);

  // The decrypted report `report_id`. NotFound when it does not exist or is
  // not on one of the session's desks; DataLoss when it fails to decrypt.
  Result<OpenedReport> Open(const accounts::Session& session, std::string_view report_id);

 private:
  store::ReaderPool& readers_;
  audit::AuditRecorder& audit_;
};

}  // namespace pillarbox::cases
