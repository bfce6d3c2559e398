#include "store/organization_rows.h"

#include "store/row_loop.h"
#include "store/statement.h"

namespace pillarbox::store {
namespace {

OrganizationRecord ReadOrganization(const Statement& row) {
  return {row.ColumnText(0), row.ColumnText(1), row.ColumnBlob(2), row.ColumnText(3), row.ColumnText(4)};
}

Result<bool> NameTaken(Database& db, std::string_view name) {
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare("SELECT 1 FROM organizations WHERE name = ?"));
  select->BindText(1, name);
  bool taken = false;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement&) { taken = true; }));
  return taken;
}

}  // namespace

Status InsertOrganization(Database& db, const OrganizationRecord& record) {
  PB_ASSIGN_OR_RETURN(const bool taken, NameTaken(db, record.name));
  if (taken) return Status::Conflict("an organization with this name exists", "name");
  static constexpr char kInsertSql[] =
      "INSERT INTO organizations (id, name, public_key, created_day, created_by) VALUES (?, ?, ?, ?, ?)";
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertSql));
  insert->BindText(1, record.id);
  insert->BindText(2, record.name);
  insert->BindBlob(3, record.public_key);
  insert->BindText(4, record.created_day);
  insert->BindText(5, record.created_by);
  return insert->Run();
}

Result<std::optional<OrganizationRecord>> LoadOrganization(Database& db, std::string_view id) {
  static constexpr char kLoadSql[] = "SELECT id, name, public_key, created_day, created_by FROM organizations WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kLoadSql));
  select->BindText(1, id);
  std::optional<OrganizationRecord> record;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) { record = ReadOrganization(row); }));
  return record;
}

Result<std::vector<OrganizationRecord>> ListOrganizations(Database& db) {
  static constexpr char kListSql[] =
      "SELECT id, name, public_key, created_day, created_by FROM organizations ORDER BY name COLLATE NOCASE, id";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kListSql));
  std::vector<OrganizationRecord> records;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) { records.push_back(ReadOrganization(row)); }));
  return records;
}

Status InsertOrganizationMember(Database& db, std::string_view user_id, std::string_view organization_id) {
  PB_ASSIGN_OR_RETURN(Statement * insert,
                      db.Prepare("INSERT INTO organization_members (user_id, organization_id) VALUES (?, ?)"));
  insert->BindText(1, user_id);
  insert->BindText(2, organization_id);
  return insert->Run();
}

Result<std::string> OrganizationOfUser(Database& db, std::string_view user_id) {
  PB_ASSIGN_OR_RETURN(Statement * select,
                      db.Prepare("SELECT organization_id FROM organization_members WHERE user_id = ?"));
  select->BindText(1, user_id);
  std::string organization;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) { organization = row.ColumnText(0); }));
  return organization;
}

}  // namespace pillarbox::store
