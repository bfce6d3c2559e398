#include "cases/report_notes.h"

#include "accounts/desk_key_access.h"
#include "audit/audit_log.h"
#include "cases/report_access.h"
#include "intake/text_body.h"
#include "privacy/envelope.h"
#include "store/desk_repository.h"

namespace pillarbox::cases {
namespace {

constexpr size_t kNoteIdBytes = 16;
constexpr std::string_view kBodyField = "body";
constexpr uint32_t kNoteDataKeyVersion = 1;

// The current key version and public key of desk `desk_id`.
Result<store::DeskRecord> CurrentDeskKey(store::Database& db, const std::string& desk_id) {
  PB_ASSIGN_OR_RETURN(auto desks, store::ListDesks(db));
  for (store::DeskRecord& desk : desks) {
    if (desk.id == desk_id) return std::move(desk);
  }
  return Status::FailedPrecondition("the report's desk is missing");
}

// The note's body, or nullopt when the session holds no key of its desk version.
Result<std::optional<std::string>> OpenForSession(const accounts::Session& session, store::Database& db,
                                                  const std::string& desk_id, const store::SealedNoteRecord& note) {
  auto desk_key = accounts::DeskKeyOf(session, db, desk_id, note.desk_key_version);
  if (desk_key.status().code() == StatusCode::kNotFound) return std::optional<std::string>();
  PB_RETURN_IF_ERROR(desk_key.status());
  PB_ASSIGN_OR_RETURN(std::string body, OpenNote(note, *desk_key));
  return std::optional<std::string>(std::move(body));
}

}  // namespace

store::SealedNoteRecord SealNote(std::string_view note_id, std::string_view body,
                                 const privacy::BoxPublicKey& desk_public_key, uint32_t desk_key_version) {
  const privacy::SecretKey data_key = privacy::SecretKey::Random();
  store::SealedNoteRecord note;
  note.id = std::string(note_id);
  note.desk_key_version = desk_key_version;
  note.desk_sealed_data_key = privacy::SealKeyTo(desk_public_key, data_key);
  note.ciphertext = privacy::SealField(data_key, {kReportNotesTable, note_id, kBodyField, kNoteDataKeyVersion}, body);
  return note;
}

Result<std::string> OpenNote(const store::SealedNoteRecord& note, const privacy::BoxKeyPair& desk_key) {
  PB_ASSIGN_OR_RETURN(const privacy::SecretKey data_key, privacy::OpenSealedKey(desk_key, note.desk_sealed_data_key));
  return privacy::OpenField(data_key, {kReportNotesTable, note.id, kBodyField, kNoteDataKeyVersion}, note.ciphertext);
}

ReportNotes::ReportNotes(store::GroupCommitWriter& writer, store::ReaderPool& readers,
                         const privacy::SecretKey& audit_key, const Clock& clock)
    : writer_(writer), readers_(readers), audit_key_(audit_key), clock_(clock), audit_(writer, audit_key, clock) {}

Status ReportNotes::AddOp(store::Database& db, const accounts::Session& session, const std::string& report_id,
                          store::SealedNoteRecord& note, std::string_view body) {
  PB_ASSIGN_OR_RETURN(const store::ReportSummary report, FindVisibleReport(db, session, report_id));
  PB_ASSIGN_OR_RETURN(const store::DeskRecord desk, CurrentDeskKey(db, report.desk_id));
  note = SealNote(privacy::ToHex(privacy::RandomBytes(kNoteIdBytes)), body, desk.public_key, desk.key_version);
  note.report_id = report.id;
  note.author_id = session.identity.user_id;
  note.created_at = clock_.NowUnixSeconds();
  PB_RETURN_IF_ERROR(store::InsertReportNote(db, note));
  return audit::AppendAuditEntry(
      db, audit_key_, clock_, {session.identity.user_id, "report.note.added", "report", report.id, "note=" + note.id});
}

Result<PlainNote> ReportNotes::Add(const accounts::Session& session, std::string_view report_id,
                                   std::string_view body) {
  if (!MayReadReports(session)) return Status::PermissionDenied("this role cannot read reports");
  PB_RETURN_IF_ERROR(intake::ValidateTextBody(body));
  const std::string id(report_id);
  store::SealedNoteRecord note;
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait([&](store::Database& db) { return AddOp(db, session, id, note, body); }));
  return PlainNote{note.id, note.author_id, session.identity.username, note.created_at, std::string(body)};
}

Result<std::vector<PlainNote>> ReportNotes::List(const accounts::Session& session, std::string_view report_id) {
  std::vector<PlainNote> notes;
  std::string visible_id;
  {
    auto lease = readers_.Acquire();
    PB_ASSIGN_OR_RETURN(const store::ReportSummary report, FindVisibleReport(lease.db(), session, report_id));
    visible_id = report.id;
    PB_ASSIGN_OR_RETURN(const auto stored, store::ListReportNotes(lease.db(), report.id));
    for (const store::StoredNote& entry : stored) {
      PB_ASSIGN_OR_RETURN(auto body, OpenForSession(session, lease.db(), report.desk_id, entry.note));
      notes.push_back(
          {entry.note.id, entry.note.author_id, entry.author_username, entry.note.created_at, std::move(body)});
    }
  }
  PB_RETURN_IF_ERROR(audit_.Record({session.identity.user_id, "report.notes.viewed", "report", visible_id,
                                    "count=" + std::to_string(notes.size())}));
  return notes;
}

}  // namespace pillarbox::cases
