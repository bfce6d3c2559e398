// What the follow-up pages show of a reporter's own report, as plain values
// (http/ fills it from reporter::ReporterView), so the pages part does not
// depend on the reporter part.
#pragma once

#include <cstdint>
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

// An evidence file the reporter added, and what was done to it.
struct FollowupFile {
  std::string name;                   // as the reporter named it
  std::string media_type;             // sniffed from the content, e.g. "image/jpeg"
  uint64_t size = 0;                  // bytes kept
  std::string created_day;            // YYYY-MM-DD
  std::vector<std::string> removed;   // closed codes; shown as catalog "evidence.removed.<code>"
  std::vector<std::string> warnings;  // closed codes; shown as catalog "evidence.warning.<code>"
};

// The file limits the upload form states.
struct FileLimits {
  uint64_t max_file_mib = 30;
  int64_t max_files = 20;
};

struct FollowupView {
  std::string title;         // the questionnaire's title
  std::string received_day;  // YYYY-MM-DD
  std::string status_code;   // reporter-facing code; shown as catalog "status.<code>"
  std::vector<FollowupAnswer> answers;
  std::vector<FollowupMessage> messages;  // oldest first
  std::vector<FollowupFile> files;        // oldest first
  FileLimits file_limits;
  bool files_enabled = false;             // the instance takes evidence files
};

// The reply box of the report page: what was typed and what was wrong.
struct ReplyState {
  std::string value;
  std::string error;   // "" when none
  std::string notice;  // e.g. "Your answer was sent."; "" when none
  std::string upload_error;  // shown next to the file field; "" when none
};

}  // namespace pillarbox::pages
