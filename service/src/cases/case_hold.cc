#include "cases/case_hold.h"

#include <optional>
#include <string>

#include "cases/case_access.h"
#include "cases/case_change.h"

namespace pillarbox::cases {
namespace {

Status ApplyHold(store::Database& db, const CaseEnvironment& env, const std::string& actor,
                 const std::string& case_id, bool held) {
  PB_ASSIGN_OR_RETURN(const auto current, store::LoadCase(db, case_id));
  if (!current.has_value()) return Status::NotFound("no such case");
  if (current->legal_hold == held) return Status::Ok();
  PB_RETURN_IF_ERROR(store::SetCaseLegalHold(db, case_id, held));
  PB_RETURN_IF_ERROR(RecordCaseChange(db, env.audit_key, env.clock,
                                      {actor, case_id, held ? "case.legal_hold.set" : "case.legal_hold.released", ""}));
  return store::BumpCaseRevision(db, case_id).status();
}

}  // namespace

Result<store::CaseRecord> CaseHold::Set(const accounts::Session& session, std::string_view case_id, bool held) {
  {
    auto lease = env_.readers.Acquire();
    PB_RETURN_IF_ERROR(FindVisibleCase(lease.db(), session, case_id).status());
  }
  const std::string id(case_id);
  const std::string actor = session.identity.user_id;
  PB_RETURN_IF_ERROR(env_.writer.SubmitAndWait(
      [this, &actor, &id, held](store::Database& db) { return ApplyHold(db, env_, actor, id, held); }));
  auto lease = env_.readers.Acquire();
  return FindVisibleCase(lease.db(), session, id);
}

}  // namespace pillarbox::cases
