#include "cases/deadlines.h"

#include <charconv>

#include "audit/audit_log.h"
#include "cases/calendar_day.h"
#include "cases/report_access.h"
#include "store/settings_repository.h"

namespace pillarbox::cases {
namespace {

constexpr char kAcknowledgeKey[] = "deadline.acknowledge_days";
constexpr char kFeedbackKey[] = "deadline.feedback_days";

Status LoadDays(store::Database& db, const char* key, int& days) {
  PB_ASSIGN_OR_RETURN(const auto text, store::LoadSetting(db, key));
  if (!text.has_value()) return Status::Ok();
  int value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < kMinDeadlineDays ||
      value > kMaxDeadlineDays) {
    return Status::DataLoss("a stored deadline is malformed");
  }
  days = value;
  return Status::Ok();
}

Status CheckDays(int days, const char* field) {
  if (days < kMinDeadlineDays || days > kMaxDeadlineDays) return Status::InvalidArgument("must be 1 to 365", field);
  return Status::Ok();
}

}  // namespace

Result<Deadlines> LoadDeadlines(store::Database& db) {
  Deadlines deadlines;
  PB_RETURN_IF_ERROR(LoadDays(db, kAcknowledgeKey, deadlines.acknowledge_days));
  PB_RETURN_IF_ERROR(LoadDays(db, kFeedbackKey, deadlines.feedback_days));
  return deadlines;
}

std::string AcknowledgeDueDay(const std::string& received_day, const Deadlines& deadlines) {
  return AddDays(received_day, deadlines.acknowledge_days);
}

std::string FeedbackDueDay(const std::string& received_day, const Deadlines& deadlines) {
  return AddDays(received_day, deadlines.feedback_days);
}

bool IsOverdue(const std::string& status, const std::string& received_day, const std::string& first_feedback_day,
               const Deadlines& deadlines, const std::string& today) {
  if (status == "new" && today > AcknowledgeDueDay(received_day, deadlines)) return true;
  return first_feedback_day.empty() && status != "closed" && today > FeedbackDueDay(received_day, deadlines);
}

DeadlineSettings::DeadlineSettings(store::ReaderPool& readers, store::GroupCommitWriter& writer,
                                   const privacy::SecretKey& audit_key, const Clock& clock)
    : readers_(readers), writer_(writer), audit_key_(audit_key), clock_(clock) {}

Result<Deadlines> DeadlineSettings::Get(const accounts::Session& session) {
  if (!MayReadReports(session)) return Status::PermissionDenied("this role has no workflow deadlines");
  auto lease = readers_.Acquire();
  return LoadDeadlines(lease.db());
}

Result<Deadlines> DeadlineSettings::Update(const accounts::Session& session, const Deadlines& deadlines) {
  if (session.identity.role != "admin") return Status::PermissionDenied("only admins change the deadlines");
  PB_RETURN_IF_ERROR(CheckDays(deadlines.acknowledge_days, "acknowledge_days"));
  PB_RETURN_IF_ERROR(CheckDays(deadlines.feedback_days, "feedback_days"));
  const std::string acknowledge = std::to_string(deadlines.acknowledge_days);
  const std::string feedback = std::to_string(deadlines.feedback_days);
  auto write = [this, actor = session.identity.user_id, acknowledge, feedback](store::Database& db) -> Status {
    PB_RETURN_IF_ERROR(store::StoreSetting(db, kAcknowledgeKey, acknowledge));
    PB_RETURN_IF_ERROR(store::StoreSetting(db, kFeedbackKey, feedback));
    return audit::AppendAuditEntry(
        db, audit_key_, clock_,
        {actor, "settings.deadlines.changed", "settings", "deadlines",
         "acknowledge_days=" + acknowledge + ";feedback_days=" + feedback});
  };
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait(std::move(write)));
  return deadlines;
}

}  // namespace pillarbox::cases
