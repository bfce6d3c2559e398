// Internal notes on cases (schema/004: case_notes): each body sealed under
// its case's data key. Functions, not a class: each takes the Database to
// use. Thread-compatible (as that Database).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// One row of case_notes (author_username is read from users, not stored).
struct CaseNoteRecord {
  std::string id;  // 32 random hex digits
  std::string case_id;
  std::string author_id;
  std::string author_username;  // filled by ListCaseNotes only
  int64_t created_at = 0;       // unix seconds
  std::vector<uint8_t> ciphertext;
  bool operator==(const CaseNoteRecord&) const = default;
};

// Inserts `note`. Conflict when the id is taken or the case or author does
// not exist.
Status InsertCaseNote(Database& db, const CaseNoteRecord& note);

// The notes of case `case_id`, oldest first (created_at, then id), with their
// authors' usernames.
Result<std::vector<CaseNoteRecord>> ListCaseNotes(Database& db, std::string_view case_id);

// Moves note `note_id` to case `case_id` with a new `ciphertext` (sealed
// under that case's key). NotFound when there is no such note.
Status MoveCaseNote(Database& db, std::string_view note_id, std::string_view case_id,
                    const std::vector<uint8_t>& ciphertext);

}  // namespace pillarbox::store
