#include "store/desk_membership_rows.h"

#include <algorithm>

namespace pillarbox::store {

Result<int64_t> DeleteDeskMemberships(Database& db, std::string_view desk_id, std::string_view user_id) {
  static constexpr char kDeleteSql[] = "DELETE FROM desk_members WHERE desk_id = ? AND user_id = ?";
  PB_ASSIGN_OR_RETURN(Statement * remove, db.Prepare(kDeleteSql));
  remove->BindText(1, desk_id);
  remove->BindText(2, user_id);
  PB_RETURN_IF_ERROR(remove->Run());
  return db.ChangedRows();
}

Status InstallDeskKeyVersion(Database& db, std::string_view desk_id, uint32_t key_version,
                             const privacy::BoxPublicKey& public_key) {
  static constexpr char kUpdateSql[] = "UPDATE desks SET key_version = ?, public_key = ? WHERE id = ? AND key_version = ?";
  static constexpr char kExistsSql[] = "SELECT 1 FROM desks WHERE id = ?";
  static constexpr char kInsertVersionSql[] =
      "INSERT INTO desk_key_versions (desk_id, key_version, public_key) VALUES (?, ?, ?)";
  PB_ASSIGN_OR_RETURN(Statement * update, db.Prepare(kUpdateSql));
  update->BindInt64(1, int64_t{key_version});
  update->BindBlob(2, public_key.bytes);
  update->BindText(3, desk_id);
  update->BindInt64(4, int64_t{key_version} - 1);
  PB_RETURN_IF_ERROR(update->Run());
  if (db.ChangedRows() == 0) {
    PB_ASSIGN_OR_RETURN(Statement * exists, db.Prepare(kExistsSql));
    exists->BindText(1, desk_id);
    PB_ASSIGN_OR_RETURN(const bool found, exists->Step());
    exists->Reset();
    if (!found) return Status::NotFound("no such desk");
    return Status::Conflict("the desk key changed meanwhile");
  }
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertVersionSql));
  insert->BindText(1, desk_id);
  insert->BindInt64(2, int64_t{key_version});
  insert->BindBlob(3, public_key.bytes);
  return insert->Run();
}

Result<std::vector<DeskRosterEntry>> ListDeskRosters(Database& db) {
  static constexpr char kRosterSql[] =
      "SELECT DISTINCT m.desk_id, u.id, u.username, u.role, u.disabled "
      "FROM desk_members m JOIN users u ON u.id = m.user_id ORDER BY m.desk_id, u.username";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kRosterSql));
  std::vector<DeskRosterEntry> roster;
  for (;;) {
    auto row = select->Step();
    if (!row.ok() || !*row) {
      select->Reset();
      if (!row.ok()) return row.status();
      return roster;
    }
    roster.push_back({select->ColumnText(0), select->ColumnText(1), select->ColumnText(2), select->ColumnText(3),
                      select->ColumnInt64(4) != 0});
  }
}

Result<std::vector<DeskMemberKey>> ListEnabledMemberKeys(Database& db, std::string_view desk_id) {
  static constexpr char kMemberKeysSql[] =
      "SELECT DISTINCT u.id, u.public_key FROM desk_members m JOIN users u ON u.id = m.user_id "
      "WHERE m.desk_id = ? AND u.disabled = 0 ORDER BY u.id";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kMemberKeysSql));
  select->BindText(1, desk_id);
  std::vector<DeskMemberKey> members;
  for (;;) {
    auto row = select->Step();
    if (!row.ok() || !*row) {
      select->Reset();
      if (!row.ok()) return row.status();
      return members;
    }
    DeskMemberKey member{select->ColumnText(0), {}};
    const std::vector<uint8_t> key = select->ColumnBlob(1);
    if (key.size() != member.public_key.bytes.size()) {
      select->Reset();
      return Status::DataLoss("malformed user public key");
    }
    std::copy(key.begin(), key.end(), member.public_key.bytes.begin());
    members.push_back(std::move(member));
  }
}

}  // namespace pillarbox::store
