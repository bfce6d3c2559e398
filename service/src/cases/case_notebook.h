// CaseNotebook: internal notes on a case. Each note body is sealed under the
// case's data key with the note's own context (CaseNoteContext), so only
// members of the case's desk read it. Adding a note is a change of the case
// (timeline "case.note.added", audit, revision); reading the notes is
// audited ("case.notes.viewed") before the plaintext is returned.
// Thread-safe; each call blocks for reads and one commit (worker threads).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/session_store.h"
#include "cases/case_environment.h"
#include "common/status.h"

namespace pillarbox::cases {

struct CaseNote {
  std::string id;
  std::string author_id;
  std::string author_username;
  int64_t created_at = 0;  // unix seconds
  std::string body;        // decrypted
};

class CaseNotebook {
 public:
  explicit CaseNotebook(const CaseEnvironment& environment) : env_(environment) {}

  // Adds a note with `body` (1..20,000 characters) to case `case_id` and
  // returns it. InvalidArgument naming "body"; PermissionDenied for partners
  // and researchers; NotFound when the case is not visible; Conflict when it
  // was merged.
  Result<CaseNote> Add(const accounts::Session& session, std::string_view case_id, std::string_view body);

  // The notes of case `case_id`, decrypted, oldest first. Errors as Add's
  // (except Conflict: a merged case's notes live in its target); DataLoss
  // when one fails to decrypt.
  Result<std::vector<CaseNote>> List(const accounts::Session& session, std::string_view case_id);

 private:
  const CaseEnvironment env_;
};

}  // namespace pillarbox::cases
