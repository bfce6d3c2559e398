#include "cases/report_labels.h"

#include "audit/audit_log.h"
#include "cases/pillars.h"
#include "cases/report_access.h"
#include "store/report_label_repository.h"

namespace pillarbox::cases {
namespace {

Result<ReportLabelSet> LoadLabels(store::Database& db, std::string_view report_id) {
  ReportLabelSet labels;
  PB_ASSIGN_OR_RETURN(labels.tags, store::ListReportTags(db, report_id));
  PB_ASSIGN_OR_RETURN(labels.pillars, store::ListReportPillars(db, report_id));
  return labels;
}

// The store call for `add` x `is_tag`.
Result<bool> WriteLink(store::Database& db, bool is_tag, bool add, const store::ReportRef& report,
                       std::string_view label) {
  if (is_tag) return add ? store::AddReportTag(db, report, label) : store::RemoveReportTag(db, report, label);
  return add ? store::AddReportPillar(db, report, label) : store::RemoveReportPillar(db, report, label);
}

}  // namespace

ReportLabels::ReportLabels(store::GroupCommitWriter& writer, store::ReaderPool& readers,
                           const privacy::SecretKey& audit_key, const Clock& clock)
    : writer_(writer), readers_(readers), audit_key_(audit_key), clock_(clock) {}

Status ReportLabels::ApplyOp(store::Database& db, const accounts::Session& session, const Change& change,
                             ReportLabelSet& labels) {
  PB_ASSIGN_OR_RETURN(const store::ReportSummary report, FindVisibleReport(db, session, change.report_id));
  const bool is_tag = change.kind == Kind::kTag;
  if (is_tag) {
    PB_ASSIGN_OR_RETURN(const auto tag, store::FindTag(db, change.label));
    if (!tag.has_value()) return Status::NotFound("no such tag");
  }
  PB_ASSIGN_OR_RETURN(const bool changed,
                      WriteLink(db, is_tag, change.add, {report.id, report.received_day}, change.label));
  if (changed) {
    const std::string action =
        std::string(is_tag ? "report.tag." : "report.pillar.") + (change.add ? "added" : "removed");
    const std::string detail = std::string(is_tag ? "tag=" : "pillar=") + change.label;
    PB_RETURN_IF_ERROR(audit::AppendAuditEntry(db, audit_key_, clock_,
                                               {session.identity.user_id, action, "report", report.id, detail}));
  }
  PB_ASSIGN_OR_RETURN(labels, LoadLabels(db, report.id));
  return Status::Ok();
}

Result<ReportLabelSet> ReportLabels::Apply(const accounts::Session& session, Change change) {
  if (!MayReadReports(session)) return Status::PermissionDenied("this role cannot read reports");
  if (change.kind == Kind::kTag && !IsRandomId(change.label)) return Status::NotFound("no such tag");
  if (change.kind == Kind::kPillar && !IsPillar(change.label)) {
    return Status::InvalidArgument("is not a pillar of the taxonomy", "pillar");
  }
  ReportLabelSet labels;
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait([&](store::Database& db) { return ApplyOp(db, session, change, labels); }));
  return labels;
}

Result<ReportLabelSet> ReportLabels::AddTag(const accounts::Session& session, std::string_view report_id,
                                            std::string_view tag_id) {
  return Apply(session, {Kind::kTag, true, std::string(report_id), std::string(tag_id)});
}

Result<ReportLabelSet> ReportLabels::RemoveTag(const accounts::Session& session, std::string_view report_id,
                                               std::string_view tag_id) {
  return Apply(session, {Kind::kTag, false, std::string(report_id), std::string(tag_id)});
}

Result<ReportLabelSet> ReportLabels::AddPillar(const accounts::Session& session, std::string_view report_id,
                                               std::string_view pillar) {
  return Apply(session, {Kind::kPillar, true, std::string(report_id), std::string(pillar)});
}

Result<ReportLabelSet> ReportLabels::RemovePillar(const accounts::Session& session, std::string_view report_id,
                                                  std::string_view pillar) {
  return Apply(session, {Kind::kPillar, false, std::string(report_id), std::string(pillar)});
}

Result<ReportLabelSet> ReportLabels::Of(const accounts::Session& session, std::string_view report_id) {
  auto lease = readers_.Acquire();
  PB_ASSIGN_OR_RETURN(const store::ReportSummary report, FindVisibleReport(lease.db(), session, report_id));
  return LoadLabels(lease.db(), report.id);
}

}  // namespace pillarbox::cases
