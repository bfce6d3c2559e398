// Case rows (schema/004: cases, case_fields): a case's clear columns, its
// data key sealed to its desk, and its sealed title and summary. The store
// only ever sees ciphertexts. Functions, not a class: each takes the Database
// to use. Thread-compatible (as that Database).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// One row of `cases`.
struct CaseRecord {
  std::string id;  // 32 random hex digits
  std::string desk_id;
  uint32_t desk_key_version = 1;
  std::vector<uint8_t> desk_sealed_data_key;
  std::string status = "open";  // open, closed or merged
  std::string merged_into;      // "" unless merged
  std::string created_day;      // YYYY-MM-DD
  int64_t revision = 0;
  int64_t position = 0;  // creation order (the rowid); set by reads, ignored by InsertCase
  std::string closed_day;  // YYYY-MM-DD while closed or merged, "" otherwise; ignored by InsertCase
  bool legal_hold = false;  // never purged while true; ignored by InsertCase
  bool operator==(const CaseRecord&) const = default;
};

// One row of `case_fields`: "title" or "summary", sealed.
struct SealedCaseField {
  std::string field;
  std::vector<uint8_t> ciphertext;
  bool operator==(const SealedCaseField&) const = default;
};

// Inserts `record` and its `fields`, all or nothing. Conflict when the id is
// taken, the desk does not exist or a column breaks the schema; Unavailable on
// an I/O error.
Status InsertCase(Database& db, const CaseRecord& record, const std::vector<SealedCaseField>& fields);

// Case `id`, or nullopt when there is none. DataLoss when the row is malformed.
Result<std::optional<CaseRecord>> LoadCase(Database& db, std::string_view id);

// The sealed fields of case `case_id`, ordered by field name.
Result<std::vector<SealedCaseField>> LoadCaseFields(Database& db, std::string_view case_id);

// Inserts or replaces one sealed field of case `case_id`.
Status ReplaceCaseField(Database& db, std::string_view case_id, const SealedCaseField& field);

// Sets the status of case `case_id` (and merged_into; "" stores NULL).
// closed_day (schema/009) follows: kept when the case was already closed or
// merged, `today` when it becomes so, NULL when it is open again.
// NotFound when there is no such case; Conflict when the schema refuses it.
Status SetCaseStatus(Database& db, std::string_view case_id, std::string_view status, std::string_view merged_into,
                     std::string_view today);

// Puts case `case_id` on legal hold (`held`) or releases it. NotFound when
// there is no such case.
Status SetCaseLegalHold(Database& db, std::string_view case_id, bool held);

// Adds 1 to the revision of case `case_id` and returns the new revision.
// NotFound when there is no such case.
Result<int64_t> BumpCaseRevision(Database& db, std::string_view case_id);

}  // namespace pillarbox::store
