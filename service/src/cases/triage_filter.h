// The triage queue's filters: raw query parameters in, validated filter out.
// Each bad value is InvalidArgument naming its parameter. Values that are
// well formed but match nothing the caller may see (a desk of someone else,
// an unknown tag id) are not errors: they give an empty queue, so they
// reveal nothing. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "common/status.h"

namespace pillarbox::cases {

// Query parameters as received; nullopt when absent.
struct TriageQuery {
  std::optional<std::string> kind, desk, region, sector, status, tag, pillar, assignee, from, to, overdue;
};

// The closed values the enum filters accept (from the taxonomy and the
// questionnaires).
struct TriageVocabulary {
  std::set<std::string> kinds;
  std::set<std::string> regions;
  std::set<std::string> sectors;
  std::set<std::string> pillars;
};

// A validated filter; empty strings mean "any".
struct TriageFilter {
  std::string kind, desk, region, sector, status, tag_id, pillar;
  std::string assignee_id;  // a user id ("me" resolved)
  bool unassigned = false;  // assignee=none
  std::string from_day, to_day;
  bool overdue = false;
  bool operator==(const TriageFilter&) const = default;
};

// Validates `query` against `vocabulary`; "assignee=me" becomes
// `caller_user_id`. InvalidArgument naming the parameter: kind, region,
// sector, pillar not in the vocabulary; status not a report status; desk not
// [a-z0-9_]{1,64}; tag not a random id; assignee not "me", "none" or a random
// id; from/to not a real YYYY-MM-DD day (or from after to, naming "from");
// overdue not "true" or "false".
Result<TriageFilter> ParseTriageFilter(const TriageQuery& query, const TriageVocabulary& vocabulary,
                                       const std::string& caller_user_id);

}  // namespace pillarbox::cases
