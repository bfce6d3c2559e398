#include "cases/case_access.h"

#include "accounts/desk_key_access.h"
#include "cases/report_access.h"

namespace pillarbox::cases {

privacy::FieldContext CaseFieldContext(std::string_view case_id, std::string_view field) {
  return {"case_fields", case_id, field, 1};
}

privacy::FieldContext CaseNoteContext(std::string_view note_id) { return {"case_notes", note_id, "body", 1}; }

Result<store::CaseRecord> FindVisibleCase(store::Database& db, const accounts::Session& session,
                                          std::string_view case_id) {
  if (!MayReadReports(session)) return Status::PermissionDenied("this role cannot work on cases");
  const Status not_found = Status::NotFound("no such case");
  if (!IsRandomId(case_id)) return not_found;
  PB_ASSIGN_OR_RETURN(auto record, store::LoadCase(db, case_id));
  if (!record.has_value() || DesksOf(session).count(record->desk_id) == 0) return not_found;
  return std::move(*record);
}

Result<privacy::SecretKey> OpenCaseKey(store::Database& db, const accounts::Session& session,
                                       const store::CaseRecord& record) {
  PB_ASSIGN_OR_RETURN(const privacy::BoxKeyPair desk_key,
                      accounts::DeskKeyOf(session, db, record.desk_id, record.desk_key_version));
  return privacy::OpenSealedKey(desk_key, record.desk_sealed_data_key);
}

Result<std::string> OpenCaseField(const privacy::SecretKey& key, std::string_view case_id, std::string_view field,
                                  privacy::ByteView sealed) {
  return privacy::OpenField(key, CaseFieldContext(case_id, field), sealed);
}

}  // namespace pillarbox::cases
