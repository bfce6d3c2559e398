#include "cases/action_service.h"

#include "audit/audit_event.h"
#include "audit/audit_log.h"
#include "cases/action_catalogue.h"
#include "cases/action_fields.h"
#include "cases/report_access.h"
#include "privacy/envelope.h"

namespace pillarbox::cases {
namespace {

constexpr size_t kActionIdBytes = 16;

Status RequireWriter(const accounts::Session& session) {
  if (!MayReadReports(session)) return Status::PermissionDenied("this role cannot change actions");
  return Status::Ok();
}

Status RequireReader(const accounts::Session& session) {
  if (!MayReadActions(session)) return Status::PermissionDenied("this role cannot read actions");
  return Status::Ok();
}

// Copies `from` into `to` when set.
void Take(const std::optional<std::string>& from, std::string& to) {
  if (from.has_value()) to = *from;
}

store::ActionRecord Apply(store::ActionRecord action, const ActionUpdate& update) {
  Take(update.kind, action.kind);
  Take(update.subtype, action.subtype);
  Take(update.name, action.name);
  Take(update.organization, action.organization);
  Take(update.jurisdiction, action.jurisdiction);
  Take(update.region, action.region);
  Take(update.status, action.status);
  Take(update.start_day, action.start_day);
  Take(update.end_day, action.end_day);
  return action;
}

// The closed values of a change's audit detail: which columns changed, and
// the closed ones' new values.
std::string ChangeDetail(const store::ActionRecord& before, const store::ActionRecord& after) {
  std::string detail = "revision=" + std::to_string(after.revision);
  if (before.kind != after.kind) detail += ";kind=" + after.kind;
  if (before.subtype != after.subtype) detail += ";subtype=" + after.subtype;
  if (before.region != after.region) detail += ";region=" + after.region;
  if (before.status != after.status) detail += ";from=" + before.status + ";to=" + after.status;
  if (before.name != after.name) detail += ";name=changed";
  if (before.organization != after.organization) detail += ";organization=changed";
  if (before.jurisdiction != after.jurisdiction) detail += ";jurisdiction=changed";
  if (before.start_day != after.start_day || before.end_day != after.end_day) detail += ";days=changed";
  return detail;
}

// Inside the write: checks the revision against the stored row, then stores
// `wanted` (when it differs) with its audit entry. Returns the row afterwards.
Result<store::ActionRecord> ApplyUpdate(store::Database& db, const CaseEnvironment& env, const std::string& actor,
                                        const std::string& id, const ActionUpdate& update) {
  PB_ASSIGN_OR_RETURN(const auto current, store::LoadAction(db, id));
  if (!current.has_value()) return Status::NotFound("no such action");
  if (current->revision != update.revision) {
    return Status::Conflict("the action changed since this revision; read it again").WithFieldPrefix("revision");
  }
  store::ActionRecord wanted = Apply(*current, update);
  PB_RETURN_IF_ERROR(CheckActionFields(wanted));
  if (wanted == *current) return wanted;
  wanted.revision = current->revision + 1;
  PB_RETURN_IF_ERROR(store::UpdateAction(db, wanted));
  PB_RETURN_IF_ERROR(audit::AppendAuditEntry(db, env.audit_key, env.clock,
                                             {actor, "action.changed", "action", id, ChangeDetail(*current, wanted)}));
  return wanted;
}

// InvalidArgument naming `field` when `value` is set and not `allowed`.
Status CheckFilter(const std::optional<std::string>& value, const char* field, bool (*allowed)(std::string_view)) {
  if (value.has_value() && !allowed(*value)) return Status::InvalidArgument("is not an accepted value", field);
  return Status::Ok();
}

}  // namespace

bool MayReadActions(const accounts::Session& session) {
  return MayReadReports(session) || session.identity.role == "partner";
}

Result<store::ActionRecord> ActionService::Create(const accounts::Session& session, const NewAction& request) {
  PB_RETURN_IF_ERROR(RequireWriter(session));
  PB_RETURN_IF_ERROR(CheckActionFields(request));
  store::ActionRecord record = request;
  record.id = privacy::ToHex(privacy::RandomBytes(kActionIdBytes));
  record.demo = false;
  record.revision = 0;
  const audit::AuditEvent event{session.identity.user_id, "action.created", "action", record.id,
                                "kind=" + record.kind + ";subtype=" + record.subtype + ";status=" + record.status};
  auto write = [this, &record, &event](store::Database& db) -> Status {
    PB_RETURN_IF_ERROR(store::InsertAction(db, record));
    return audit::AppendAuditEntry(db, env_.audit_key, env_.clock, event);
  };
  PB_RETURN_IF_ERROR(env_.writer.SubmitAndWait(std::move(write)));
  return record;
}

Result<std::vector<store::ActionRecord>> ActionService::List(const accounts::Session& session,
                                                              const ActionQuery& query) {
  PB_RETURN_IF_ERROR(RequireReader(session));
  PB_RETURN_IF_ERROR(CheckFilter(query.kind, "kind", &IsActionKind));
  PB_RETURN_IF_ERROR(CheckFilter(query.status, "status", &IsActionStatus));
  PB_RETURN_IF_ERROR(CheckFilter(query.region, "region", &IsRegion));
  auto lease = env_.readers.Acquire();
  return store::ListActions(lease.db(), {query.kind.value_or(""), query.status.value_or(""),
                                         query.region.value_or("")});
}

Result<ActionView> ActionService::Open(const accounts::Session& session, std::string_view id) {
  PB_RETURN_IF_ERROR(RequireReader(session));
  if (!IsRandomId(id)) return Status::NotFound("no such action");
  auto lease = env_.readers.Acquire();
  PB_ASSIGN_OR_RETURN(auto action, store::LoadAction(lease.db(), id));
  if (!action.has_value()) return Status::NotFound("no such action");
  ActionView view{std::move(*action), {}};
  if (!MayReadReports(session)) return view;
  PB_ASSIGN_OR_RETURN(const auto links, store::ListActionCases(lease.db(), id));
  const auto desks = DesksOf(session);
  for (const auto& link : links) {
    if (desks.count(link.desk_id) != 0) view.case_ids.push_back(link.case_id);
  }
  return view;
}

Result<store::ActionRecord> ActionService::Update(const accounts::Session& session, std::string_view id,
                                                  const ActionUpdate& update) {
  PB_RETURN_IF_ERROR(RequireWriter(session));
  if (update.revision < 0) return Status::InvalidArgument("must be a revision read from the action", "revision");
  if (!IsRandomId(id)) return Status::NotFound("no such action");
  // Fail fast on a value bad on its own; the whole action is checked again in the write.
  {
    auto lease = env_.readers.Acquire();
    PB_ASSIGN_OR_RETURN(const auto current, store::LoadAction(lease.db(), id));
    if (!current.has_value()) return Status::NotFound("no such action");
    PB_RETURN_IF_ERROR(CheckActionFields(Apply(*current, update)));
  }
  const std::string actor = session.identity.user_id, action_id(id);
  store::ActionRecord result;
  PB_RETURN_IF_ERROR(env_.writer.SubmitAndWait([&](store::Database& db) -> Status {
    Result<store::ActionRecord> applied = ApplyUpdate(db, env_, actor, action_id, update);
    if (applied.ok()) result = *applied;
    return applied.status();
  }));
  return result;
}

}  // namespace pillarbox::cases
