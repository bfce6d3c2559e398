// ReportNotes: internal notes of reviewers on a report. Notes are never shown
// to the reporter, so each note has its own random data key, sealed
// (crypto_box_seal) to the CURRENT public key of the report's desk with that
// key version, and the body is padded and sealed under it in the context
// {"report_notes", <note id>, "body", 1}. Reading opens each note's key with
// the session's key of that desk version (accounts::DeskKeyOf). Writing
// ("report.note.added") and reading ("report.notes.viewed") are audited in
// the log before a result is returned. A report outside the caller's desks is
// NotFound; partners and researchers get PermissionDenied. Thread-safe; each
// call blocks for about one commit (use a worker thread).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/session_store.h"
#include "audit/audit_recorder.h"
#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"
#include "store/report_note_repository.h"

namespace pillarbox::cases {

inline constexpr std::string_view kReportNotesTable = "report_notes";

struct PlainNote {
  std::string id;
  std::string author_id;
  std::string author_username;
  int64_t created_at = 0;  // unix seconds
  // The body; nullopt when the caller holds no key of the desk version the
  // note was sealed to (they joined the desk after a later rotation).
  std::optional<std::string> body;
};

// Seals `body` as note `note_id` under a fresh data key sealed to
// `desk_public_key` (version `desk_key_version`); the returned record lacks
// report, author and time. Exposed for tests.
store::SealedNoteRecord SealNote(std::string_view note_id, std::string_view body,
                                 const privacy::BoxPublicKey& desk_public_key, uint32_t desk_key_version);

// Opens `note`'s body with `desk_key` (the desk's key of note.desk_key_version).
// DataLoss when the key or any byte does not match.
Result<std::string> OpenNote(const store::SealedNoteRecord& note, const privacy::BoxKeyPair& desk_key);

class ReportNotes {
 public:
  // All references must outlive the service.
  ReportNotes(store::GroupCommitWriter& writer, store::ReaderPool& readers, const privacy::SecretKey& audit_key,
              const Clock& clock);

  // Adds a note with `body` (intake::ValidateTextBody: InvalidArgument naming
  // "body") to report `report_id`; returns it. NotFound / PermissionDenied as above.
  Result<PlainNote> Add(const accounts::Session& session, std::string_view report_id, std::string_view body);

  // The notes of report `report_id`, oldest first, decrypted. DataLoss when a
  // note fails to open with a key the caller holds.
  Result<std::vector<PlainNote>> List(const accounts::Session& session, std::string_view report_id);

 private:
  Status AddOp(store::Database& db, const accounts::Session& session, const std::string& report_id,
               store::SealedNoteRecord& note, std::string_view body);

  store::GroupCommitWriter& writer_;
  store::ReaderPool& readers_;
  const privacy::SecretKey& audit_key_;
  const Clock& clock_;
  audit::AuditRecorder audit_;
};

}  // namespace pillarbox::cases
