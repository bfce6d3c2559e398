// Internal notes on reports (report_notes): each note is sealed under its own
// data key, which is sealed to the report's desk (never to the reporter).
// The store sees ciphertexts only. Functions, not a class: each takes the
// Database to use. Thread-compatible (as that Database).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// One report_notes row.
struct SealedNoteRecord {
  std::string id;  // 32 random hex digits
  std::string report_id;
  std::string author_id;
  int64_t created_at = 0;  // unix seconds (a reviewer's action)
  uint32_t desk_key_version = 1;
  std::vector<uint8_t> desk_sealed_data_key;  // the note's data key, crypto_box_seal'ed to the desk
  std::vector<uint8_t> ciphertext;            // the body, SealField under the note's data key
  bool operator==(const SealedNoteRecord&) const = default;
};

// A stored note with its author's username, for listing.
struct StoredNote {
  SealedNoteRecord note;
  std::string author_username;
};

// Inserts `note`. Conflict when the id is taken or the report or author does
// not exist; Unavailable on an I/O error.
Status InsertReportNote(Database& db, const SealedNoteRecord& note);

// The notes of report `report_id`, oldest first (created_at, then insertion
// order). DataLoss when a stored key version is out of range.
Result<std::vector<StoredNote>> ListReportNotes(Database& db, std::string_view report_id);

}  // namespace pillarbox::store
