#include "cases/report_data_key.h"

#include "accounts/desk_key_access.h"
#include "privacy/envelope.h"
#include "store/report_key_envelope.h"

namespace pillarbox::cases {

Result<privacy::SecretKey> OpenReportDataKey(const accounts::Session& session, store::Database& db,
                                             std::string_view report_id) {
  PB_ASSIGN_OR_RETURN(const auto envelope, store::LoadReportKeyEnvelope(db, report_id));
  if (!envelope.has_value()) return Status::NotFound("no such report");
  auto desk_key = accounts::DeskKeyOf(session, db, envelope->desk_id, envelope->desk_key_version);
  if (desk_key.status().code() == StatusCode::kNotFound) return Status::NotFound("no such report");
  PB_RETURN_IF_ERROR(desk_key.status());
  return privacy::OpenSealedKey(*desk_key, envelope->desk_sealed_data_key);
}

}  // namespace pillarbox::cases
