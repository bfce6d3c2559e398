#include "store/totp_step_repository.h"

namespace pillarbox::store {

Result<int64_t> LastTotpStep(Database& db, std::string_view user_id) {
  static constexpr char kLastStepSql[] = "SELECT last_step FROM totp_steps WHERE user_id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kLastStepSql));
  select->BindText(1, user_id);
  PB_ASSIGN_OR_RETURN(const bool row, select->Step());
  const int64_t step = row ? select->ColumnInt64(0) : 0;
  select->Reset();
  return step;
}

Status RecordTotpStep(Database& db, std::string_view user_id, int64_t step) {
  static constexpr char kRecordStepSql[] =
      "INSERT INTO totp_steps (user_id, last_step) VALUES (?, ?) "
      "ON CONFLICT (user_id) DO UPDATE SET last_step = excluded.last_step "
      "WHERE excluded.last_step > totp_steps.last_step";
  PB_ASSIGN_OR_RETURN(Statement * upsert, db.Prepare(kRecordStepSql));
  upsert->BindText(1, user_id);
  upsert->BindInt64(2, step);
  PB_RETURN_IF_ERROR(upsert->Run());
  if (db.ChangedRows() == 0) return Status::Conflict("code already used");
  return Status::Ok();
}

}  // namespace pillarbox::store
