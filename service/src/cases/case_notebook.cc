#include "cases/case_notebook.h"

#include "cases/case_access.h"
#include "cases/case_change.h"
#include "cases/case_text.h"
#include "privacy/envelope.h"
#include "store/case_note_rows.h"

namespace pillarbox::cases {
namespace {

constexpr size_t kNoteIdBytes = 16;

// Inside the write: the case may change; the note is stored and recorded.
Status StoreNote(store::Database& db, const CaseEnvironment& env, const store::CaseNoteRecord& note) {
  PB_RETURN_IF_ERROR(LoadChangeableCase(db, note.case_id).status());
  PB_RETURN_IF_ERROR(store::InsertCaseNote(db, note));
  PB_RETURN_IF_ERROR(
      RecordCaseChange(db, env.audit_key, env.clock, {note.author_id, note.case_id, "case.note.added", "note=" + note.id}));
  return store::BumpCaseRevision(db, note.case_id).status();
}

}  // namespace

Result<CaseNote> CaseNotebook::Add(const accounts::Session& session, std::string_view case_id,
                                   std::string_view body) {
  PB_ASSIGN_OR_RETURN(const std::string text, CheckCaseText(body, "body", 1, kMaxNoteChars, true));
  store::CaseNoteRecord note;
  note.id = privacy::ToHex(privacy::RandomBytes(kNoteIdBytes));
  note.case_id = std::string(case_id);
  note.author_id = session.identity.user_id;
  note.created_at = env_.clock.NowUnixSeconds();
  {
    auto lease = env_.readers.Acquire();
    PB_ASSIGN_OR_RETURN(const store::CaseRecord record, FindVisibleCase(lease.db(), session, case_id));
    PB_ASSIGN_OR_RETURN(const privacy::SecretKey key, OpenCaseKey(lease.db(), session, record));
    note.ciphertext = privacy::SealField(key, CaseNoteContext(note.id), text);
  }
  PB_RETURN_IF_ERROR(env_.writer.SubmitAndWait([&](store::Database& db) { return StoreNote(db, env_, note); }));
  return CaseNote{note.id, note.author_id, session.identity.username, note.created_at, text};
}

Result<std::vector<CaseNote>> CaseNotebook::List(const accounts::Session& session, std::string_view case_id) {
  std::vector<CaseNote> notes;
  {
    auto lease = env_.readers.Acquire();
    PB_ASSIGN_OR_RETURN(const store::CaseRecord record, FindVisibleCase(lease.db(), session, case_id));
    PB_ASSIGN_OR_RETURN(const auto sealed, store::ListCaseNotes(lease.db(), record.id));
    PB_ASSIGN_OR_RETURN(const privacy::SecretKey key, OpenCaseKey(lease.db(), session, record));
    for (const store::CaseNoteRecord& note : sealed) {
      PB_ASSIGN_OR_RETURN(std::string body, privacy::OpenField(key, CaseNoteContext(note.id), note.ciphertext));
      notes.push_back({note.id, note.author_id, note.author_username, note.created_at, std::move(body)});
    }
  }
  PB_RETURN_IF_ERROR(env_.audit.Record({session.identity.user_id, "case.notes.viewed", "case", std::string(case_id),
                                        "notes=" + std::to_string(notes.size())}));
  return notes;
}

}  // namespace pillarbox::cases
