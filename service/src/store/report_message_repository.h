// Messages between reviewers and the reporter of a report (report_messages),
// sealed under the report's data key (privacy/report_message.h). seq numbers
// a report's conversation 1, 2, 3, ...; a message carries a day, never a time.
// The reporter side (a later issue) lists the same ciphertexts with
// ListReportMessages and opens them with privacy::OpenReportMessage.
// Functions, not a class: each takes the Database to use. Thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// One report_messages row.
struct SealedMessageRecord {
  std::string report_id;
  int64_t seq = 0;                       // 1, 2, 3, ... per report
  std::string author_role;               // "reviewer" or "reporter"
  std::optional<std::string> author_id;  // the reviewer's user id; nullopt for the reporter
  std::string created_day;               // YYYY-MM-DD
  std::vector<uint8_t> ciphertext;
  bool operator==(const SealedMessageRecord&) const = default;
};

// A stored message with the reviewer's username ("" for the reporter).
struct StoredMessage {
  SealedMessageRecord message;
  std::string author_username;
};

// The seq the next message of report `report_id` gets: 1 + the highest so
// far (1 for none). Call it in the same write transaction as the insert.
Result<int64_t> NextMessageSeq(Database& db, std::string_view report_id);

// Inserts `message`. Conflict when (report_id, seq) is taken, the report or
// author does not exist or a column breaks the schema.
Status InsertReportMessage(Database& db, const SealedMessageRecord& message);

// The messages of report `report_id`, in seq order.
Result<std::vector<StoredMessage>> ListReportMessages(Database& db, std::string_view report_id);

// Sets reports.first_feedback_day of `report_id` to `day` and bumps its
// revision, when it is not set yet. True when it was set now; false when it
// was already set (or there is no such report).
Result<bool> MarkFirstFeedback(Database& db, std::string_view report_id, std::string_view day);

}  // namespace pillarbox::store
