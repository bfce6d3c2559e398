// ReportMessages: the reviewers' side of the conversation with a report's
// reporter. Messages are sealed under the REPORT's data key (opened from
// reports.desk_sealed_data_key with the session's desk key, as ReportReader
// does) with privacy::SealReportMessage, so the reporter can read them later
// with the receipt. Sending assigns the next seq, stores the day only (no
// time), sets reports.first_feedback_day on the first message (bumping the
// report's revision) and appends "report.message.sent", all in one write.
// Reading decrypts and is audited ("report.messages.viewed"). A report
// outside the caller's desks is NotFound; partners and researchers get
// PermissionDenied. Thread-safe; each call blocks for about one commit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/session_store.h"
#include "audit/audit_recorder.h"
#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"

namespace pillarbox::cases {

struct PlainMessage {
  int64_t seq = 0;
  std::string author_role;      // "reviewer" or "reporter"
  std::string author_username;  // "" for the reporter
  std::string created_day;      // YYYY-MM-DD
  std::string body;
};

class ReportMessages {
 public:
  // All references must outlive the service.
  ReportMessages(store::GroupCommitWriter& writer, store::ReaderPool& readers, const privacy::SecretKey& audit_key,
                 const Clock& clock);

  // Sends `body` (intake::ValidateTextBody: InvalidArgument naming "body") to
  // the reporter of report `report_id`; returns the stored message.
  // NotFound when the report is not on the session's desks or the session
  // holds no key of the report's desk version.
  Result<PlainMessage> Send(const accounts::Session& session, std::string_view report_id, std::string_view body);

  // The conversation of report `report_id` in seq order, decrypted. DataLoss
  // when a message fails to open.
  Result<std::vector<PlainMessage>> List(const accounts::Session& session, std::string_view report_id);

 private:
  Status SendOp(store::Database& db, const accounts::Session& session, const std::string& report_id,
                std::string_view body, PlainMessage& sent);

  store::GroupCommitWriter& writer_;
  store::ReaderPool& readers_;
  const privacy::SecretKey& audit_key_;
  const Clock& clock_;
  audit::AuditRecorder audit_;
};

}  // namespace pillarbox::cases
