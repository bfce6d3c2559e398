#include "cases/case_merger.h"

#include <optional>
#include <string>
#include <vector>

#include "cases/case_access.h"
#include "cases/case_change.h"
#include "cases/report_access.h"
#include "store/case_links.h"
#include "store/case_note_rows.h"

namespace pillarbox::cases {
namespace {

constexpr int kMergeAttempts = 3;

// Everything a merge needs from before its write.
struct PreparedMerge {
  std::string actor;
  store::CaseRecord source;
  store::CaseRecord target;
  std::vector<store::CaseNoteRecord> notes;  // the source's notes, re-sealed for the target
};

Status InvalidTarget() {
  return Status::InvalidArgument("must be the id of another visible case on the same desk", "into");
}

// The target case, or the 400/409 a merge into it gets.
Result<store::CaseRecord> FindTarget(store::Database& db, const accounts::Session& session,
                                     const store::CaseRecord& source, std::string_view into_id) {
  if (into_id == source.id) return Status::Conflict("a case cannot be merged into itself");
  Result<store::CaseRecord> target = FindVisibleCase(db, session, into_id);
  if (target.status().code() == StatusCode::kNotFound) return InvalidTarget();
  PB_RETURN_IF_ERROR(target.status());
  if (target->desk_id != source.desk_id) return InvalidTarget();
  if (source.status == "merged") return Status::Conflict("this case was already merged");
  if (target->status == "merged") return Status::Conflict("cannot merge into a merged case");
  return target;
}

// Opens each of the source's notes and seals it again under the target's key.
Status ResealNotes(store::Database& db, const accounts::Session& session, PreparedMerge& merge) {
  PB_ASSIGN_OR_RETURN(merge.notes, store::ListCaseNotes(db, merge.source.id));
  if (merge.notes.empty()) return Status::Ok();
  PB_ASSIGN_OR_RETURN(const privacy::SecretKey source_key, OpenCaseKey(db, session, merge.source));
  PB_ASSIGN_OR_RETURN(const privacy::SecretKey target_key, OpenCaseKey(db, session, merge.target));
  for (store::CaseNoteRecord& note : merge.notes) {
    PB_ASSIGN_OR_RETURN(const std::string body, privacy::OpenField(source_key, CaseNoteContext(note.id), note.ciphertext));
    note.ciphertext = privacy::SealField(target_key, CaseNoteContext(note.id), body);
  }
  return Status::Ok();
}

Result<PreparedMerge> Prepare(store::Database& db, const accounts::Session& session, std::string_view source_id,
                              std::string_view into_id) {
  PreparedMerge merge;
  merge.actor = session.identity.user_id;
  PB_ASSIGN_OR_RETURN(merge.source, FindVisibleCase(db, session, source_id));
  PB_ASSIGN_OR_RETURN(merge.target, FindTarget(db, session, merge.source, into_id));
  PB_RETURN_IF_ERROR(ResealNotes(db, session, merge));
  return merge;
}

// Inside the write. Sets `*stale` (and fails) when the source changed since
// the merge was prepared.
Result<MergeOutcome> ApplyMerge(store::Database& db, const CaseEnvironment& env, const PreparedMerge& merge,
                                bool* stale) {
  PB_ASSIGN_OR_RETURN(const store::CaseRecord source, LoadChangeableCase(db, merge.source.id));
  PB_RETURN_IF_ERROR(LoadChangeableCase(db, merge.target.id).status());
  if (source.revision != merge.source.revision) {
    *stale = true;
    return Status::Conflict("the case changed during the merge");
  }
  MergeOutcome outcome;
  PB_ASSIGN_OR_RETURN(outcome.reports_moved, store::MoveCaseLinks(db, source.id, merge.target.id));
  for (const store::CaseNoteRecord& note : merge.notes) {
    PB_RETURN_IF_ERROR(store::MoveCaseNote(db, note.id, merge.target.id, note.ciphertext));
  }
  PB_RETURN_IF_ERROR(store::SetCaseStatus(db, source.id, "merged", merge.target.id,
                                           UtcDay(env.clock.NowUnixSeconds())));
  PB_RETURN_IF_ERROR(RecordCaseChange(db, env.audit_key, env.clock,
                                      {merge.actor, source.id, "case.merged.into", "into=" + merge.target.id}));
  PB_RETURN_IF_ERROR(RecordCaseChange(
      db, env.audit_key, env.clock,
      {merge.actor, merge.target.id, "case.merged.from",
       "from=" + source.id + ";reports=" + std::to_string(outcome.reports_moved) +
           ";notes=" + std::to_string(merge.notes.size())}));
  PB_RETURN_IF_ERROR(store::BumpCaseRevision(db, source.id).status());
  PB_ASSIGN_OR_RETURN(outcome.target_revision, store::BumpCaseRevision(db, merge.target.id));
  return outcome;
}

}  // namespace

Result<MergeOutcome> CaseMerger::Merge(const accounts::Session& session, std::string_view source_id,
                                       std::string_view into_id) {
  if (!IsRandomId(into_id)) return InvalidTarget();
  for (int attempt = 1;; ++attempt) {
    std::optional<PreparedMerge> merge;
    {
      auto lease = env_.readers.Acquire();
      PB_ASSIGN_OR_RETURN(merge, Prepare(lease.db(), session, source_id, into_id));
    }
    bool stale = false;
    MergeOutcome outcome;
    const Status written = env_.writer.SubmitAndWait([&](store::Database& db) -> Status {
      Result<MergeOutcome> applied = ApplyMerge(db, env_, *merge, &stale);
      if (applied.ok()) outcome = *applied;
      return applied.status();
    });
    if (written.ok()) return outcome;
    if (!stale || attempt == kMergeAttempts) return written;
  }
}

}  // namespace pillarbox::cases
