// Workflow deadlines: a report must be acknowledged within
// `acknowledge_days` of the day it was received, and its reporter must get a
// first message within `feedback_days`. Stored in the settings table
// (deadline.acknowledge_days, deadline.feedback_days); admins change them.
// A report is overdue when it is still "new" after the acknowledge deadline,
// or has had no feedback, is not closed, and is past the feedback deadline.
#pragma once

#include <string>

#include "accounts/session_store.h"
#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/database.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"

namespace pillarbox::cases {

inline constexpr int kMinDeadlineDays = 1;
inline constexpr int kMaxDeadlineDays = 365;

struct Deadlines {
  int acknowledge_days = 7;
  int feedback_days = 90;
  bool operator==(const Deadlines&) const = default;
};

// The stored deadlines (the defaults for a key that is missing). DataLoss
// when a stored value is not a number in 1..365.
Result<Deadlines> LoadDeadlines(store::Database& db);

// The due days of a report received on `received_day`: received_day + N
// (acknowledge) and received_day + M (feedback). A report is late on the day
// after its due day. Require a valid day.
std::string AcknowledgeDueDay(const std::string& received_day, const Deadlines& deadlines);
std::string FeedbackDueDay(const std::string& received_day, const Deadlines& deadlines);

// Whether a report is overdue on `today` (see the file comment).
bool IsOverdue(const std::string& status, const std::string& received_day, const std::string& first_feedback_day,
               const Deadlines& deadlines, const std::string& today);

// Reads and changes the deadlines. Thread-safe; Update blocks for one commit.
class DeadlineSettings {
 public:
  // References must outlive the object.
  DeadlineSettings(store::ReaderPool& readers, store::GroupCommitWriter& writer, const privacy::SecretKey& audit_key,
                   const Clock& clock);

  // The current deadlines. PermissionDenied for partners and researchers.
  Result<Deadlines> Get(const accounts::Session& session);

  // Stores `deadlines` and audits "settings.deadlines.changed" in the same
  // commit. PermissionDenied unless `session` is an admin's; InvalidArgument
  // naming "acknowledge_days" or "feedback_days" when not in 1..365.
  Result<Deadlines> Update(const accounts::Session& session, const Deadlines& deadlines);

 private:
  store::ReaderPool& readers_;
  store::GroupCommitWriter& writer_;
  const privacy::SecretKey& audit_key_;
  const Clock& clock_;
};

}  // namespace pillarbox::cases
