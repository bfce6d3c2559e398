#include "cases/case_linker.h"

#include <string>

#include "audit/audit_log.h"
#include "cases/case_access.h"
#include "cases/case_change.h"
#include "cases/pillars.h"
#include "cases/report_access.h"
#include "store/action_rows.h"
#include "store/case_links.h"

namespace pillarbox::cases {
namespace {

// Inside the write: the case may change, `write` runs, and a real change is
// recorded (`who` with the detail `write` fills) and bumps the revision.
Result<LinkOutcome> ApplyLink(store::Database& db, const CaseEnvironment& env, CaseChange who,
                              const std::function<Result<bool>(store::Database&, std::string&)>& write) {
  PB_ASSIGN_OR_RETURN(const store::CaseRecord current, LoadChangeableCase(db, who.case_id));
  PB_ASSIGN_OR_RETURN(const bool changed, write(db, who.detail));
  if (!changed) return LinkOutcome{current.revision, false};
  PB_RETURN_IF_ERROR(RecordCaseChange(db, env.audit_key, env.clock, who));
  PB_ASSIGN_OR_RETURN(const int64_t revision, store::BumpCaseRevision(db, who.case_id));
  return LinkOutcome{revision, true};
}

// Links the report and, when that is its first step into a case, moves its
// status to linked_to_case with an audit entry of its own.
Result<bool> LinkReport(store::Database& db, const CaseEnvironment& env, const std::string& actor,
                        const std::string& case_id, const std::string& report_id, std::string& detail) {
  PB_ASSIGN_OR_RETURN(const bool added,
                      store::InsertCaseReport(db, case_id, report_id, UtcDay(env.clock.NowUnixSeconds())));
  if (!added) return false;
  detail = "report=" + report_id;
  PB_ASSIGN_OR_RETURN(const std::string previous, store::MarkReportLinkedToCase(db, report_id));
  if (!previous.empty()) {
    detail += ";report_status=linked_to_case";
    PB_RETURN_IF_ERROR(audit::AppendAuditEntry(
        db, env.audit_key, env.clock,
        {actor, "report.status.changed", "report", report_id, "from=" + previous + ";to=linked_to_case;case=" + case_id}));
  }
  return true;
}

Status CheckTag(std::string_view tag_id) {
  if (!IsRandomId(tag_id)) return Status::InvalidArgument("is not the id of a tag", "tag");
  return Status::Ok();
}

Status CheckPillar(std::string_view pillar) {
  if (!IsPillar(pillar)) return Status::InvalidArgument("is not one of the nine pillars", "pillar");
  return Status::Ok();
}

// Refuses a tag id that does not exist (inside the write, so a tag deleted
// meanwhile is refused too).
Status RequireTag(store::Database& db, const std::string& tag_id) {
  PB_ASSIGN_OR_RETURN(const bool exists, store::TagExists(db, tag_id));
  if (!exists) return Status::InvalidArgument("is not the id of a tag", "tag");
  return Status::Ok();
}

Status CheckAction(std::string_view action_id) {
  if (!IsRandomId(action_id)) return Status::InvalidArgument("is not the id of an action", "action");
  return Status::Ok();
}

// Refuses an action id that does not exist (inside the write).
Status RequireAction(store::Database& db, const std::string& action_id) {
  PB_ASSIGN_OR_RETURN(const auto action, store::LoadAction(db, action_id));
  if (!action.has_value()) return Status::InvalidArgument("is not the id of an action", "action");
  return Status::Ok();
}

}  // namespace

Result<LinkOutcome> CaseLinker::Change(const accounts::Session& session, std::string_view case_id, const char* event,
                                       const LinkWrite& write) {
  {
    auto lease = env_.readers.Acquire();
    PB_RETURN_IF_ERROR(FindVisibleCase(lease.db(), session, case_id).status());
  }
  const CaseChange who{session.identity.user_id, std::string(case_id), event, ""};
  LinkOutcome outcome;
  PB_RETURN_IF_ERROR(env_.writer.SubmitAndWait([&](store::Database& db) -> Status {
    Result<LinkOutcome> applied = ApplyLink(db, env_, who, write);
    if (applied.ok()) outcome = *applied;
    return applied.status();
  }));
  return outcome;
}

Result<LinkOutcome> CaseLinker::AddReport(const accounts::Session& session, std::string_view case_id,
                                          std::string_view report_id) {
  {
    auto lease = env_.readers.Acquire();
    PB_RETURN_IF_ERROR(FindVisibleCase(lease.db(), session, case_id).status());
    PB_RETURN_IF_ERROR(FindVisibleReport(lease.db(), session, report_id).status());
  }
  const std::string actor = session.identity.user_id, id(case_id), report(report_id);
  return Change(session, case_id, "case.report.added", [&](store::Database& db, std::string& detail) {
    return LinkReport(db, env_, actor, id, report, detail);
  });
}

Result<LinkOutcome> CaseLinker::RemoveReport(const accounts::Session& session, std::string_view case_id,
                                             std::string_view report_id) {
  {
    auto lease = env_.readers.Acquire();
    PB_RETURN_IF_ERROR(FindVisibleCase(lease.db(), session, case_id).status());
    PB_RETURN_IF_ERROR(FindVisibleReport(lease.db(), session, report_id).status());
  }
  const std::string id(case_id), report(report_id);
  return Change(session, case_id, "case.report.removed", [&](store::Database& db, std::string& detail) {
    detail = "report=" + report;
    return store::DeleteCaseReport(db, id, report);
  });
}

Result<LinkOutcome> CaseLinker::AddTag(const accounts::Session& session, std::string_view case_id,
                                       std::string_view tag_id) {
  PB_RETURN_IF_ERROR(CheckTag(tag_id));
  const std::string id(case_id), tag(tag_id);
  return Change(session, case_id, "case.tag.added", [&](store::Database& db, std::string& detail) -> Result<bool> {
    PB_RETURN_IF_ERROR(RequireTag(db, tag));
    detail = "tag=" + tag;
    return store::InsertCaseTag(db, id, tag);
  });
}

Result<LinkOutcome> CaseLinker::RemoveTag(const accounts::Session& session, std::string_view case_id,
                                          std::string_view tag_id) {
  PB_RETURN_IF_ERROR(CheckTag(tag_id));
  const std::string id(case_id), tag(tag_id);
  return Change(session, case_id, "case.tag.removed", [&](store::Database& db, std::string& detail) -> Result<bool> {
    PB_RETURN_IF_ERROR(RequireTag(db, tag));
    detail = "tag=" + tag;
    return store::DeleteCaseTag(db, id, tag);
  });
}

Result<LinkOutcome> CaseLinker::AddPillar(const accounts::Session& session, std::string_view case_id,
                                          std::string_view pillar) {
  PB_RETURN_IF_ERROR(CheckPillar(pillar));
  const std::string id(case_id), value(pillar);
  return Change(session, case_id, "case.pillar.added", [&](store::Database& db, std::string& detail) {
    detail = "pillar=" + value;
    return store::InsertCasePillar(db, id, value);
  });
}

Result<LinkOutcome> CaseLinker::RemovePillar(const accounts::Session& session, std::string_view case_id,
                                             std::string_view pillar) {
  PB_RETURN_IF_ERROR(CheckPillar(pillar));
  const std::string id(case_id), value(pillar);
  return Change(session, case_id, "case.pillar.removed", [&](store::Database& db, std::string& detail) {
    detail = "pillar=" + value;
    return store::DeleteCasePillar(db, id, value);
  });
}

Result<LinkOutcome> CaseLinker::AddAction(const accounts::Session& session, std::string_view case_id,
                                          std::string_view action_id) {
  PB_RETURN_IF_ERROR(CheckAction(action_id));
  const std::string id(case_id), action(action_id);
  return Change(session, case_id, "case.action.linked",
                [&](store::Database& db, std::string& detail) -> Result<bool> {
                  PB_RETURN_IF_ERROR(RequireAction(db, action));
                  detail = "action=" + action;
                  return store::InsertCaseAction(db, id, action);
                });
}

Result<LinkOutcome> CaseLinker::RemoveAction(const accounts::Session& session, std::string_view case_id,
                                             std::string_view action_id) {
  PB_RETURN_IF_ERROR(CheckAction(action_id));
  const std::string id(case_id), action(action_id);
  return Change(session, case_id, "case.action.unlinked",
                [&](store::Database& db, std::string& detail) -> Result<bool> {
                  PB_RETURN_IF_ERROR(RequireAction(db, action));
                  detail = "action=" + action;
                  return store::DeleteCaseAction(db, id, action);
                });
}

}  // namespace pillarbox::cases
