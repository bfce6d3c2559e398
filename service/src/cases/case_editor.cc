#include "cases/case_editor.h"

#include <optional>
#include <vector>

#include "cases/case_access.h"
#include "cases/case_change.h"
#include "cases/case_text.h"
#include "cases/report_access.h"
#include "privacy/envelope.h"
#include "store/desk_repository.h"

namespace pillarbox::cases {
namespace {

constexpr size_t kCaseIdBytes = 16;

// The desk `desk_id` with its current public key; InvalidArgument naming
// "desk" when there is none.
Result<store::DeskRecord> CurrentDesk(store::Database& db, std::string_view desk_id) {
  PB_ASSIGN_OR_RETURN(auto desks, store::ListDesks(db));
  for (store::DeskRecord& desk : desks) {
    if (desk.id == desk_id) return std::move(desk);
  }
  return Status::InvalidArgument("no such desk", "desk");
}

struct CheckedUpdate {
  std::optional<std::string> title;
  std::optional<std::string> summary;
};

Result<CheckedUpdate> CheckUpdate(const CaseUpdate& update) {
  if (update.revision < 0) return Status::InvalidArgument("must be a revision read from the case", "revision");
  if (update.status.has_value() && *update.status != "open" && *update.status != "closed") {
    return Status::InvalidArgument("must be open or closed", "status");
  }
  CheckedUpdate checked;
  if (update.title.has_value()) {
    PB_ASSIGN_OR_RETURN(checked.title, CheckCaseText(*update.title, "title", 1, kMaxTitleChars, false));
  }
  if (update.summary.has_value()) {
    PB_ASSIGN_OR_RETURN(checked.summary, CheckCaseText(*update.summary, "summary", 0, kMaxSummaryChars, true));
  }
  return checked;
}

// The fields of `update` that differ from the stored ones, sealed afresh.
Result<std::vector<store::SealedCaseField>> SealChangedFields(store::Database& db, const accounts::Session& session,
                                                              const store::CaseRecord& record,
                                                              const CheckedUpdate& update) {
  std::vector<store::SealedCaseField> changed;
  if (!update.title.has_value() && !update.summary.has_value()) return changed;
  PB_ASSIGN_OR_RETURN(const privacy::SecretKey key, OpenCaseKey(db, session, record));
  PB_ASSIGN_OR_RETURN(const auto stored, store::LoadCaseFields(db, record.id));
  for (const store::SealedCaseField& field : stored) {
    const std::optional<std::string>& wanted = field.field == "title" ? update.title : update.summary;
    if (!wanted.has_value()) continue;
    PB_ASSIGN_OR_RETURN(const std::string current, OpenCaseField(key, record.id, field.field, field.ciphertext));
    if (current == *wanted) continue;
    changed.push_back({field.field, privacy::SealField(key, CaseFieldContext(record.id, field.field), *wanted)});
  }
  return changed;
}

// Inside the write: checks the revision, stores the changed fields and status
// with their events, and returns the case's revision afterwards.
Result<int64_t> ApplyUpdate(store::Database& db, const CaseEnvironment& env, const CaseChange& who,
                            const CaseUpdate& update, const std::vector<store::SealedCaseField>& sealed) {
  PB_ASSIGN_OR_RETURN(const store::CaseRecord current, LoadChangeableCase(db, who.case_id));
  if (current.revision != update.revision) {
    return Status::Conflict("the case changed since this revision; read it again").WithFieldPrefix("revision");
  }
  const auto record = [&](std::string event, std::string detail) {
    return RecordCaseChange(db, env.audit_key, env.clock, {who.actor, who.case_id, std::move(event), std::move(detail)});
  };
  bool changed = false;
  for (const store::SealedCaseField& field : sealed) {
    PB_RETURN_IF_ERROR(store::ReplaceCaseField(db, who.case_id, field));
    PB_RETURN_IF_ERROR(record("case." + field.field + ".changed", ""));
    changed = true;
  }
  if (update.status.has_value() && *update.status != current.status) {
    PB_RETURN_IF_ERROR(store::SetCaseStatus(db, who.case_id, *update.status, "",
                                             UtcDay(env.clock.NowUnixSeconds())));
    PB_RETURN_IF_ERROR(record("case.status.changed", "from=" + current.status + ";to=" + *update.status));
    changed = true;
  }
  if (!changed) return current.revision;
  return store::BumpCaseRevision(db, who.case_id);
}

}  // namespace

Result<store::CaseRecord> CaseEditor::Create(const accounts::Session& session, const NewCase& request) {
  if (!MayReadReports(session)) return Status::PermissionDenied("this role cannot work on cases");
  if (DesksOf(session).count(request.desk) == 0) {
    return Status::InvalidArgument("you are not a member of this desk", "desk");
  }
  PB_ASSIGN_OR_RETURN(const std::string title, CheckCaseText(request.title, "title", 1, kMaxTitleChars, false));
  PB_ASSIGN_OR_RETURN(const std::string summary,
                      CheckCaseText(request.summary, "summary", 0, kMaxSummaryChars, true));
  std::optional<store::DeskRecord> desk;
  {
    auto lease = env_.readers.Acquire();
    PB_ASSIGN_OR_RETURN(desk, CurrentDesk(lease.db(), request.desk));
  }
  const privacy::SecretKey data_key = privacy::SecretKey::Random();
  store::CaseRecord record;
  record.id = privacy::ToHex(privacy::RandomBytes(kCaseIdBytes));
  record.desk_id = desk->id;
  record.desk_key_version = desk->key_version;
  record.desk_sealed_data_key = privacy::SealKeyTo(desk->public_key, data_key);
  record.created_day = UtcDay(env_.clock.NowUnixSeconds());
  const std::vector<store::SealedCaseField> fields = {
      {"summary", privacy::SealField(data_key, CaseFieldContext(record.id, "summary"), summary)},
      {"title", privacy::SealField(data_key, CaseFieldContext(record.id, "title"), title)}};
  const CaseChange change{session.identity.user_id, record.id, "case.created", "desk=" + record.desk_id};
  auto write = [this, &record, &fields, &change](store::Database& db) -> Status {
    PB_RETURN_IF_ERROR(store::InsertCase(db, record, fields));
    return RecordCaseChange(db, env_.audit_key, env_.clock, change);
  };
  PB_RETURN_IF_ERROR(env_.writer.SubmitAndWait(std::move(write)));
  return record;
}

Result<int64_t> CaseEditor::Update(const accounts::Session& session, std::string_view case_id,
                                   const CaseUpdate& update) {
  PB_ASSIGN_OR_RETURN(const CheckedUpdate checked, CheckUpdate(update));
  std::vector<store::SealedCaseField> sealed;
  {
    auto lease = env_.readers.Acquire();
    PB_ASSIGN_OR_RETURN(const store::CaseRecord record, FindVisibleCase(lease.db(), session, case_id));
    PB_ASSIGN_OR_RETURN(sealed, SealChangedFields(lease.db(), session, record, checked));
  }
  const CaseChange who{session.identity.user_id, std::string(case_id), "", ""};
  int64_t revision = 0;
  PB_RETURN_IF_ERROR(env_.writer.SubmitAndWait([&](store::Database& db) -> Status {
    Result<int64_t> applied = ApplyUpdate(db, env_, who, update, sealed);
    if (applied.ok()) revision = *applied;
    return applied.status();
  }));
  return revision;
}

}  // namespace pillarbox::cases
