// What a reporter signed in with their receipt sees of their own report
// (reporter/reporter_followup.h): its kind and questionnaire title, the day it
// was received, its status in reporter-facing words, their answers with the
// questionnaire's labels, and the conversation with the reviewers. Never a
// reviewer's name or id, never an internal status or note. Plain values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "reporter/reporter_status.h"

namespace pillarbox::reporter {

// One answered question. Enumerated answers show their option labels; the
// several choices of a multiple-choice answer are joined with "\n".
struct ReporterAnswer {
  std::string field;  // the questionnaire's field name
  std::string label;  // the question, as the questionnaire words it
  std::string value;
  bool operator==(const ReporterAnswer&) const = default;
};

// One message of the conversation.
struct ReporterMessage {
  int64_t seq = 0;          // 1, 2, 3, ... in the report's conversation
  std::string from;         // "reviewer" or "reporter"
  std::string created_day;  // YYYY-MM-DD, never a time
  std::string body;
  bool operator==(const ReporterMessage&) const = default;
};

struct ReporterView {
  std::string kind;
  std::string title;         // the questionnaire's title ("" when the kind is no longer served)
  std::string received_day;  // YYYY-MM-DD
  ReporterStatus status;
  std::vector<ReporterAnswer> answers;    // in questionnaire order, unanswered ones left out
  std::vector<ReporterMessage> messages;  // in seq order
};

}  // namespace pillarbox::reporter
