#include "cases/report_messages.h"

#include "accounts/desk_key_access.h"
#include "audit/audit_log.h"
#include "cases/report_access.h"
#include "intake/text_body.h"
#include "privacy/envelope.h"
#include "privacy/report_message.h"
#include "store/report_key_envelope.h"
#include "store/report_message_repository.h"

namespace pillarbox::cases {
namespace {

constexpr char kReviewerRole[] = "reviewer";

// The data key of visible report `report_id`, opened with the session's desk
// key. NotFound when the session holds no key of the report's desk version.
Result<privacy::SecretKey> OpenReportDataKey(const accounts::Session& session, store::Database& db,
                                             std::string_view report_id) {
  PB_ASSIGN_OR_RETURN(const auto envelope, store::LoadReportKeyEnvelope(db, report_id));
  if (!envelope.has_value()) return Status::NotFound("no such report");
  auto desk_key = accounts::DeskKeyOf(session, db, envelope->desk_id, envelope->desk_key_version);
  if (desk_key.status().code() == StatusCode::kNotFound) return Status::NotFound("no such report");
  PB_RETURN_IF_ERROR(desk_key.status());
  return privacy::OpenSealedKey(*desk_key, envelope->desk_sealed_data_key);
}

Result<PlainMessage> OpenMessage(const store::StoredMessage& stored, const privacy::SecretKey& data_key) {
  const store::SealedMessageRecord& message = stored.message;
  Result<std::string> body = privacy::OpenReportMessage(data_key, message.report_id, message.seq, message.ciphertext);
  if (!body.ok()) return Status::DataLoss("a message of the report failed to open");
  return PlainMessage{message.seq, message.author_role, stored.author_username, message.created_day,
                      std::move(body).value()};
}

}  // namespace

ReportMessages::ReportMessages(store::GroupCommitWriter& writer, store::ReaderPool& readers,
                               const privacy::SecretKey& audit_key, const Clock& clock)
    : writer_(writer), readers_(readers), audit_key_(audit_key), clock_(clock), audit_(writer, audit_key, clock) {}

Status ReportMessages::SendOp(store::Database& db, const accounts::Session& session, const std::string& report_id,
                              std::string_view body, PlainMessage& sent) {
  PB_ASSIGN_OR_RETURN(const store::ReportSummary report, FindVisibleReport(db, session, report_id));
  PB_ASSIGN_OR_RETURN(const privacy::SecretKey data_key, OpenReportDataKey(session, db, report.id));
  PB_ASSIGN_OR_RETURN(const int64_t seq, store::NextMessageSeq(db, report.id));
  const std::string day = UtcDay(clock_.NowUnixSeconds());
  store::SealedMessageRecord message{report.id,     seq,
                                     kReviewerRole, session.identity.user_id,
                                     day,           privacy::SealReportMessage(data_key, report.id, seq, body)};
  PB_RETURN_IF_ERROR(store::InsertReportMessage(db, message));
  PB_ASSIGN_OR_RETURN(const bool first, store::MarkFirstFeedback(db, report.id, day));
  PB_RETURN_IF_ERROR(
      audit::AppendAuditEntry(db, audit_key_, clock_,
                              {session.identity.user_id, "report.message.sent", "report", report.id,
                               "seq=" + std::to_string(seq) + ";first_feedback=" + (first ? "true" : "false")}));
  sent = PlainMessage{seq, kReviewerRole, session.identity.username, day, std::string(body)};
  return Status::Ok();
}

Result<PlainMessage> ReportMessages::Send(const accounts::Session& session, std::string_view report_id,
                                          std::string_view body) {
  if (!MayReadReports(session)) return Status::PermissionDenied("this role cannot read reports");
  PB_RETURN_IF_ERROR(intake::ValidateTextBody(body));
  const std::string id(report_id);
  PlainMessage sent;
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait([&](store::Database& db) { return SendOp(db, session, id, body, sent); }));
  return sent;
}

Result<std::vector<PlainMessage>> ReportMessages::List(const accounts::Session& session, std::string_view report_id) {
  std::vector<PlainMessage> messages;
  std::string visible_id;
  {
    auto lease = readers_.Acquire();
    PB_ASSIGN_OR_RETURN(const store::ReportSummary report, FindVisibleReport(lease.db(), session, report_id));
    visible_id = report.id;
    PB_ASSIGN_OR_RETURN(const privacy::SecretKey data_key, OpenReportDataKey(session, lease.db(), report.id));
    PB_ASSIGN_OR_RETURN(const auto stored, store::ListReportMessages(lease.db(), report.id));
    for (const store::StoredMessage& entry : stored) {
      PB_ASSIGN_OR_RETURN(PlainMessage message, OpenMessage(entry, data_key));
      messages.push_back(std::move(message));
    }
  }
  PB_RETURN_IF_ERROR(audit_.Record({session.identity.user_id, "report.messages.viewed", "report", visible_id,
                                    "count=" + std::to_string(messages.size())}));
  return messages;
}

}  // namespace pillarbox::cases
