#include "bundles/redactions.h"

#include <algorithm>

#include "audit/audit_log.h"
#include "bundles/new_id.h"
#include "cases/report_access.h"
#include "cases/report_data_key.h"
#include "intake/report_opener.h"
#include "store/report_queries.h"

namespace pillarbox::bundles {
namespace {

// Field names go into audit details: [a-z0-9_], 1-64 bytes.
bool IsFieldName(std::string_view field) {
  return !field.empty() && field.size() <= 64 && std::all_of(field.begin(), field.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string SpanDetail(const store::RedactionRecord& record) {
  if (!record.span_start.has_value()) return "whole";
  return std::to_string(*record.span_start) + "-" + std::to_string(*record.span_end);
}

}  // namespace

bool IsRedactionReason(std::string_view reason) {
  return std::any_of(std::begin(kRedactionReasons), std::end(kRedactionReasons),
                     [reason](const char* known) { return reason == known; });
}

Redactions::Redactions(store::GroupCommitWriter& writer, store::ReaderPool& readers,
                       const privacy::SecretKey& audit_key, const Clock& clock)
    : writer_(writer), readers_(readers), audit_key_(audit_key), clock_(clock) {}

Result<std::string> Redactions::OpenAnswer(const accounts::Session& session, std::string_view report_id,
                                           std::string_view field) {
  auto lease = readers_.Acquire();
  PB_ASSIGN_OR_RETURN(const store::ReportSummary report, cases::FindVisibleReport(lease.db(), session, report_id));
  const Status no_field = Status::InvalidArgument("is not a sealed answer of this report", "field");
  if (!IsFieldName(field)) return no_field;
  PB_ASSIGN_OR_RETURN(auto sealed, store::LoadSealedReport(lease.db(), report.id));
  if (!sealed.has_value()) return Status::NotFound("no such report");
  const auto found = std::find_if(sealed->sealed_fields.begin(), sealed->sealed_fields.end(),
                                  [field](const intake::SealedField& candidate) { return candidate.field == field; });
  if (found == sealed->sealed_fields.end()) return no_field;
  PB_ASSIGN_OR_RETURN(privacy::SecretKey data_key, cases::OpenReportDataKey(session, lease.db(), report.id));
  PB_ASSIGN_OR_RETURN(auto opened, intake::OpenSealedFields({*found}, report.id, data_key));
  return std::move(opened.front().value);
}

Result<store::RedactionRecord> Redactions::Add(const accounts::Session& session, std::string_view report_id,
                                               const NewRedaction& request) {
  PB_ASSIGN_OR_RETURN(const std::string answer, OpenAnswer(session, report_id, request.field));
  if (request.span.has_value()) PB_RETURN_IF_ERROR(CheckSpan(answer, *request.span));
  if (!IsRedactionReason(request.reason)) {
    return Status::InvalidArgument(
        "must be one of personal_data, third_party, safety, irrelevant, legal_privilege", "reason");
  }
  store::RedactionRecord record;
  record.id = NewRandomId();
  record.report_id = std::string(report_id);
  record.field = request.field;
  if (request.span.has_value()) {
    record.span_start = request.span->start;
    record.span_end = request.span->end;
  }
  record.reason = request.reason;
  record.created_by = session.identity.user_id;
  record.created_day = UtcDay(clock_.NowUnixSeconds());
  const Status stored = writer_.SubmitAndWait([this, &record](store::Database& db) -> Status {
    PB_RETURN_IF_ERROR(store::InsertRedaction(db, record));
    return audit::AppendAuditEntry(db, audit_key_, clock_,
                                   {record.created_by, "report.redaction.added", "report", record.report_id,
                                    "redaction=" + record.id + ";field=" + record.field + ";span=" +
                                        SpanDetail(record) + ";reason=" + record.reason});
  });
  if (!stored.ok()) return stored;
  return record;
}

Result<std::vector<store::RedactionRecord>> Redactions::List(const accounts::Session& session,
                                                             std::string_view report_id) {
  auto lease = readers_.Acquire();
  PB_ASSIGN_OR_RETURN(const store::ReportSummary report, cases::FindVisibleReport(lease.db(), session, report_id));
  return store::ListRedactions(lease.db(), report.id);
}

Status Redactions::Remove(const accounts::Session& session, std::string_view report_id,
                          std::string_view redaction_id) {
  std::string id;
  {
    auto lease = readers_.Acquire();
    PB_ASSIGN_OR_RETURN(const store::ReportSummary report, cases::FindVisibleReport(lease.db(), session, report_id));
    id = report.id;
  }
  const Status not_found = Status::NotFound("no such redaction");
  if (!cases::IsRandomId(redaction_id)) return not_found;
  const std::string actor = session.identity.user_id;
  const std::string redaction(redaction_id);
  return writer_.SubmitAndWait([this, &id, &actor, &redaction, &not_found](store::Database& db) -> Status {
    PB_ASSIGN_OR_RETURN(const bool removed, store::DeleteRedaction(db, id, redaction));
    if (!removed) return not_found;
    return audit::AppendAuditEntry(db, audit_key_, clock_,
                                   {actor, "report.redaction.removed", "report", id, "redaction=" + redaction});
  });
}

}  // namespace pillarbox::bundles
