#include "reporter/reporter_followup.h"

#include <optional>
#include <utility>
#include <vector>

#include "audit/audit_log.h"
#include "audit/deferred_audit.h"
#include "intake/report_opener.h"
#include "intake/text_body.h"
#include "privacy/receipt.h"
#include "privacy/report_message.h"
#include "reporter/report_answers.h"
#include "store/report_message_repository.h"
#include "store/report_queries.h"
#include "store/report_workflow_rows.h"
#include "store/reporter_rows.h"

namespace pillarbox::reporter {
namespace {

constexpr char kReporterRole[] = "reporter";
// The report of a live session is gone (deleted from another session).
constexpr char kSessionEnded[] = "invalid or expired session";

// What View reads in one go.
struct StoredReport {
  std::optional<intake::SealedReport> sealed;
  std::optional<store::WorkflowRow> workflow;
  std::vector<store::StoredMessage> messages;
};

Result<StoredReport> LoadStoredReport(store::Database& db, const std::string& report_id) {
  StoredReport stored;
  PB_ASSIGN_OR_RETURN(stored.sealed, store::LoadSealedReport(db, report_id));
  PB_ASSIGN_OR_RETURN(stored.workflow, store::LoadWorkflowRow(db, report_id));
  PB_ASSIGN_OR_RETURN(stored.messages, store::ListReportMessages(db, report_id));
  return stored;
}

Result<std::vector<ReporterMessage>> OpenMessages(const std::vector<store::StoredMessage>& stored,
                                                  const intake::ReporterSession& session) {
  std::vector<ReporterMessage> messages;
  messages.reserve(stored.size());
  for (const store::StoredMessage& entry : stored) {
    const store::SealedMessageRecord& message = entry.message;
    Result<std::string> body =
        privacy::OpenReportMessage(session.data_key, session.report_id, message.seq, message.ciphertext);
    if (!body.ok()) return Status::DataLoss("a message of the report failed to open");
    messages.push_back({message.seq, message.author_role, message.created_day, std::move(body).value()});
  }
  return messages;
}

}  // namespace

ReporterFollowup::ReporterFollowup(store::GroupCommitWriter& writer, store::ReaderPool& readers,
                                   const privacy::InstanceKeys& keys, intake::ReporterSessions& sessions,
                                   const intake::QuestionnaireCatalog& catalog, const Clock& clock)
    : writer_(writer),
      readers_(readers),
      keys_(keys),
      sessions_(sessions),
      catalog_(catalog),
      clock_(clock){}

Result<ReporterSignIn> ReporterFollowup::SignIn(std::string_view typed_receipt) {
  const Status refused = Status::Unauthenticated(kReceiptNotRecognised);
  const Result<privacy::Receipt> receipt = privacy::Receipt::Parse(typed_receipt);
  if (!receipt.ok()) return refused;
  // The newest pepper first; older ones after a master key rotation (receipts
  // are never stored, so reports keep the pepper they were made with).
  std::optional<store::ReporterKeyRow> row;
  const privacy::SecretKey* pepper = nullptr;
  for (const privacy::SecretKey* candidate : keys_.receipt_peppers()) {
    const privacy::Bytes lookup_id = privacy::ReceiptLookupId(*candidate, *receipt);
    auto lease = readers_.Acquire();
    PB_ASSIGN_OR_RETURN(row, store::FindReportByLookupId(lease.db(), lookup_id));
    if (row.has_value()) {
      pepper = candidate;
      break;
    }
  }
  if (!row.has_value()) return refused;
  Result<privacy::SecretKey> data_key =
      intake::UnwrapReporterDataKey(row->reporter_wrapped_data_key, row->report_id, *receipt, *pepper);
  if (!data_key.ok()) return refused;
  PB_ASSIGN_OR_RETURN(std::string token, sessions_.Create(row->report_id, std::move(data_key).value()));
  return ReporterSignIn{std::move(token), sessions_.absolute_timeout_seconds()};
}

Result<ReporterView> ReporterFollowup::View(const intake::ReporterSession& session) {
  StoredReport stored;
  {
    auto lease = readers_.Acquire();
    PB_ASSIGN_OR_RETURN(stored, LoadStoredReport(lease.db(), session.report_id));
  }
  if (!stored.sealed.has_value() || !stored.workflow.has_value()) return Status::Unauthenticated(kSessionEnded);
  const intake::SealedReport& sealed = *stored.sealed;
  PB_ASSIGN_OR_RETURN(const auto opened, intake::OpenSealedFields(sealed.sealed_fields, sealed.id, session.data_key));
  ReporterView view;
  view.kind = sealed.kind;
  const intake::Questionnaire* questionnaire = catalog_.Find(sealed.kind);
  if (questionnaire != nullptr) view.title = questionnaire->title;
  view.received_day = sealed.received_day;
  view.status = ReporterStatusOf(stored.workflow->status, stored.workflow->close_reason);
  view.answers = LabelAnswers(questionnaire, sealed, opened);
  PB_ASSIGN_OR_RETURN(view.messages, OpenMessages(stored.messages, session));
  return view;
}

Status ReporterFollowup::ReplyOp(store::Database& db, const intake::ReporterSession& session, std::string_view body,
                                 ReporterMessage& stored) {
  PB_ASSIGN_OR_RETURN(const bool exists, store::BumpReportRevision(db, session.report_id));
  if (!exists) return Status::Unauthenticated(kSessionEnded);
  PB_ASSIGN_OR_RETURN(const int64_t seq, store::NextMessageSeq(db, session.report_id));
  const std::string day = UtcDay(clock_.NowUnixSeconds());
  const store::SealedMessageRecord message{session.report_id, seq, kReporterRole, std::nullopt, day,
                                           privacy::SealReportMessage(session.data_key, session.report_id, seq, body)};
  PB_RETURN_IF_ERROR(store::InsertReportMessage(db, message));
  PB_RETURN_IF_ERROR(audit::DeferAuditEntry(db, clock_,
                                            {audit::kReporterActor, "report.message.received", "report", session.report_id,
                                             "seq=" + std::to_string(seq)}));
  stored = ReporterMessage{seq, kReporterRole, day, std::string(body)};
  return Status::Ok();
}

Result<ReporterMessage> ReporterFollowup::Reply(const intake::ReporterSession& session, std::string_view body) {
  PB_RETURN_IF_ERROR(intake::ValidateTextBody(body));
  ReporterMessage stored;
  PB_RETURN_IF_ERROR(
      writer_.SubmitAndWait([&](store::Database& db) { return ReplyOp(db, session, body, stored); }));
  return stored;
}

Status ReporterFollowup::DeleteOp(store::Database& db, const std::string& report_id) {
  PB_ASSIGN_OR_RETURN(const bool deleted, store::DeleteReport(db, report_id));
  if (!deleted) return Status::Unauthenticated(kSessionEnded);
  return audit::DeferAuditEntry(db, clock_, {audit::kReporterActor, "report.deleted", "report", report_id, "by=reporter"});
}

Status ReporterFollowup::RequestDeletion(const intake::ReporterSession& session) {
  const std::string report_id = session.report_id;
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait([&](store::Database& db) { return DeleteOp(db, report_id); }));
  sessions_.RevokeReport(report_id);
  return Status::Ok();
}

void ReporterFollowup::SignOut(std::string_view token) { sessions_.Revoke(token); }

}  // namespace pillarbox::reporter
