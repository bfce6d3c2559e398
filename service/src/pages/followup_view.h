// What the follow-up pages show of a reporter's own report, as plain values
// (http/ fills it from reporter::ReporterView), so the pages part does not
// depend on the reporter part.
#pragma once

#include <string>
#include <vector>

namespace pillarbox::pages {

struct FollowupAnswer {
  std::string label;  // the question
  std::string value;  // the answer (several choices joined with "\n")
};

struct FollowupMessage {
  std::string from;         // "reviewer" or "reporter"
  std::string created_day;  // YYYY-MM-DD
  std::string body;
};

struct FollowupView {
  std::string title;         // the questionnaire's title
  std::string received_day;  // YYYY-MM-DD
  std::string status_code;   // reporter-facing code; shown as catalog "status.<code>"
  std::vector<FollowupAnswer> answers;
  std::vector<FollowupMessage> messages;  // oldest first
};

// The reply box of the report page: what was typed and what was wrong.
struct ReplyState {
  std::string value;
  std::string error;   // "" when none
  std::string notice;  // e.g. "Your answer was sent."; "" when none
};

}  // namespace pillarbox::pages
