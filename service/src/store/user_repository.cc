#include "store/user_repository.h"

#include <limits>

namespace pillarbox::store {
namespace {

// The current row of FindUserByName's query, whose columns are in table order.
UserRecord ReadUser(const Statement& row) {
  UserRecord user;
  user.id = row.ColumnText(0);
  user.username = row.ColumnText(1);
  user.role = row.ColumnText(2);
  user.password_salt = row.ColumnBlob(3);
  user.password_verifier = row.ColumnBlob(4);
  user.kdf_operations = row.ColumnInt64(5);
  user.kdf_memory_bytes = row.ColumnInt64(6);
  user.public_key = row.ColumnBlob(7);
  user.password_wrapped_key = row.ColumnBlob(8);
  user.recovery_salt = row.ColumnBlob(9);
  user.recovery_wrapped_key = row.ColumnBlob(10);
  user.sealed_totp_secret = row.ColumnBlob(11);
  user.disabled = row.ColumnInt64(12) != 0;
  user.created_day = row.ColumnText(13);
  return user;
}

Result<std::optional<UserRecord>> ReadOptionalUser(Statement& select) {
  PB_ASSIGN_OR_RETURN(const bool row, select.Step());
  if (!row) return std::optional<UserRecord>();
  return std::optional<UserRecord>(ReadUser(select));
}

Result<std::vector<DeskMemberRecord>> ReadDeskMembers(Statement& select) {
  std::vector<DeskMemberRecord> members;
  for (;;) {
    PB_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) return members;
    const int64_t key_version = select.ColumnInt64(2);
    if (key_version < 0 || key_version > std::numeric_limits<uint32_t>::max()) {
      return Status::DataLoss("malformed desk member row");
    }
    members.push_back(DeskMemberRecord{select.ColumnText(0), select.ColumnText(1), static_cast<uint32_t>(key_version),
                                       select.ColumnBlob(3)});
  }
}

}  // namespace

Status InsertUser(Database& db, const UserRecord& user) {
  static constexpr char kInsertUserSql[] =
      "INSERT INTO users (id, username, role, password_salt, password_verifier, kdf_operations, "
      "kdf_memory_bytes, public_key, password_wrapped_key, recovery_salt, recovery_wrapped_key, "
      "sealed_totp_secret, disabled, created_day) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertUserSql));
  insert->BindText(1, user.id);
  insert->BindText(2, user.username);
  insert->BindText(3, user.role);
  insert->BindBlob(4, user.password_salt);
  insert->BindBlob(5, user.password_verifier);
  insert->BindInt64(6, user.kdf_operations);
  insert->BindInt64(7, user.kdf_memory_bytes);
  insert->BindBlob(8, user.public_key);
  insert->BindBlob(9, user.password_wrapped_key);
  insert->BindBlob(10, user.recovery_salt);
  insert->BindBlob(11, user.recovery_wrapped_key);
  insert->BindBlob(12, user.sealed_totp_secret);
  insert->BindInt64(13, int64_t{user.disabled ? 1 : 0});
  insert->BindText(14, user.created_day);
  return insert->Run();
}

Result<std::optional<UserRecord>> FindUserByName(Database& db, std::string_view username) {
  static constexpr char kFindUserSql[] =
      "SELECT id, username, role, password_salt, password_verifier, kdf_operations, "
      "kdf_memory_bytes, public_key, password_wrapped_key, recovery_salt, recovery_wrapped_key, "
      "sealed_totp_secret, disabled, created_day "
      "FROM users WHERE username = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kFindUserSql));
  select->BindText(1, username);
  Result<std::optional<UserRecord>> user = ReadOptionalUser(*select);
  select->Reset();  // ends the read
  return user;
}

Result<std::optional<UserRecord>> FindUserById(Database& db, std::string_view user_id) {
  static constexpr char kFindUserByIdSql[] =
      "SELECT id, username, role, password_salt, password_verifier, kdf_operations, "
      "kdf_memory_bytes, public_key, password_wrapped_key, recovery_salt, recovery_wrapped_key, "
      "sealed_totp_secret, disabled, created_day "
      "FROM users WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kFindUserByIdSql));
  select->BindText(1, user_id);
  Result<std::optional<UserRecord>> user = ReadOptionalUser(*select);
  select->Reset();  // ends the read
  return user;
}

Status InsertDeskMember(Database& db, const DeskMemberRecord& member) {
  static constexpr char kInsertMemberSql[] =
      "INSERT INTO desk_members (desk_id, user_id, key_version, sealed_desk_key) VALUES (?, ?, ?, ?)";
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertMemberSql));
  insert->BindText(1, member.desk_id);
  insert->BindText(2, member.user_id);
  insert->BindInt64(3, static_cast<int64_t>(member.key_version));
  insert->BindBlob(4, member.sealed_desk_key);
  return insert->Run();
}

Result<std::vector<DeskMemberRecord>> ListDeskMembers(Database& db, std::string_view desk_id) {
  static constexpr char kListMembersSql[] =
      "SELECT desk_id, user_id, key_version, sealed_desk_key FROM desk_members "
      "WHERE desk_id = ? ORDER BY user_id, key_version";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kListMembersSql));
  select->BindText(1, desk_id);
  Result<std::vector<DeskMemberRecord>> members = ReadDeskMembers(*select);
  select->Reset();  // ends the read
  return members;
}

Status UpdatePasswordMaterial(Database& db, std::string_view user_id, const PasswordMaterial& material) {
  static constexpr char kUpdateSql[] =
      "UPDATE users SET password_salt = ?, password_verifier = ?, kdf_operations = ?, kdf_memory_bytes = ?, "
      "password_wrapped_key = ?, sealed_totp_secret = ? WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * update, db.Prepare(kUpdateSql));
  update->BindBlob(1, material.password_salt);
  update->BindBlob(2, material.password_verifier);
  update->BindInt64(3, material.kdf_operations);
  update->BindInt64(4, material.kdf_memory_bytes);
  update->BindBlob(5, material.password_wrapped_key);
  update->BindBlob(6, material.sealed_totp_secret);
  update->BindText(7, user_id);
  PB_RETURN_IF_ERROR(update->Run());
  if (db.ChangedRows() == 0) return Status::NotFound("no such user");
  return Status::Ok();
}

Status DisableUser(Database& db, std::string_view user_id) {
  static constexpr char kDisableSql[] = "UPDATE users SET disabled = 1 WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * update, db.Prepare(kDisableSql));
  update->BindText(1, user_id);
  PB_RETURN_IF_ERROR(update->Run());
  if (db.ChangedRows() == 0) return Status::NotFound("no such user");
  return Status::Ok();
}

Result<std::vector<DeskMemberRecord>> ListMembershipsOfUser(Database& db, std::string_view user_id) {
  static constexpr char kListMembershipsSql[] =
      "SELECT desk_id, user_id, key_version, sealed_desk_key FROM desk_members "
      "WHERE user_id = ? ORDER BY desk_id, key_version";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kListMembershipsSql));
  select->BindText(1, user_id);
  Result<std::vector<DeskMemberRecord>> members = ReadDeskMembers(*select);
  select->Reset();  // ends the read
  return members;
}

}  // namespace pillarbox::store
