// Action rows (schema/004: actions, case_actions): the catalogue of public
// undertakings cases feed, stored in clear, and the links from cases to
// them. The caller validates values (cases/action_fields.h); the schema's
// CHECKs are the last guard. Functions, not a class: each takes the Database
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

// One row of `actions`. Days are "YYYY-MM-DD" or "" (NULL).
struct ActionRecord {
  std::string id;  // 32 random hex digits
  std::string kind;
  std::string subtype;
  std::string name;
  std::string organization;
  std::string jurisdiction;
  std::string region;
  std::string status;
  std::string start_day;
  std::string end_day;
  bool demo = false;
  int64_t revision = 0;
  bool operator==(const ActionRecord&) const = default;
};

// Filters of ListActions; "" means any.
struct ActionFilter {
  std::string kind;
  std::string status;
  std::string region;
};

// A case linked to an action, with the case's desk (for visibility checks).
struct ActionCaseLink {
  std::string case_id;
  std::string desk_id;
  bool operator==(const ActionCaseLink&) const = default;
};

// Inserts `record` (its revision as given). Conflict when the id is taken or
// a column breaks the schema.
Status InsertAction(Database& db, const ActionRecord& record);

// Action `id`, or nullopt when there is none.
Result<std::optional<ActionRecord>> LoadAction(Database& db, std::string_view id);

// Overwrites every described column of action `record.id` (not demo) and
// sets its revision to `record.revision`. NotFound when there is no such
// action; Conflict when the schema refuses a value.
Status UpdateAction(Database& db, const ActionRecord& record);

// The actions matching `filter`, by name (case-insensitively), then id. The
// catalogue is small (hundreds of rows at most): a scan is cheaper than an
// index every change pays for.
Result<std::vector<ActionRecord>> ListActions(Database& db, const ActionFilter& filter);

// The cases linked to action `action_id`, by case id.
Result<std::vector<ActionCaseLink>> ListActionCases(Database& db, std::string_view action_id);

// Links / unlinks action `action_id` and case `case_id`; true when something
// changed. Insert: Conflict when the case or action does not exist.
Result<bool> InsertCaseAction(Database& db, std::string_view case_id, std::string_view action_id);
Result<bool> DeleteCaseAction(Database& db, std::string_view case_id, std::string_view action_id);

}  // namespace pillarbox::store
