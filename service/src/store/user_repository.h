// User rows (reviewer, admin, partner and researcher accounts) and desk
// memberships (a desk's private key sealed to each member). Functions, not a
// class: each takes the Database to use. Thread-compatible (as that Database).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// One row of the users table; byte columns are opaque (wrapped keys, salts).
struct UserRecord {
  std::string id;
  std::string username;
  std::string role;  // "admin", "reviewer", "partner" or "researcher"
  std::vector<uint8_t> password_salt;
  std::vector<uint8_t> password_verifier;
  int64_t kdf_operations = 0;
  int64_t kdf_memory_bytes = 0;
  std::vector<uint8_t> public_key;  // 32 bytes
  std::vector<uint8_t> password_wrapped_key;
  std::vector<uint8_t> recovery_salt;
  std::vector<uint8_t> recovery_wrapped_key;
  std::vector<uint8_t> sealed_totp_secret;
  bool disabled = false;
  std::string created_day;  // "YYYY-MM-DD"
  bool operator==(const UserRecord&) const = default;
};

// One row of desk_members: the desk's key of `key_version`, sealed to the user.
struct DeskMemberRecord {
  std::string desk_id;
  std::string user_id;
  uint32_t key_version = 1;
  std::vector<uint8_t> sealed_desk_key;
  bool operator==(const DeskMemberRecord&) const = default;
};

// Inserts `user`. Conflict when the id or the username is taken or a column
// breaks the schema (unknown role, public key not 32 bytes); Unavailable on an
// I/O error.
Status InsertUser(Database& db, const UserRecord& user);

// The user called `username`; nullopt when there is none.
Result<std::optional<UserRecord>> FindUserByName(Database& db, std::string_view username);

// The user with id `user_id`; nullopt when there is none.
Result<std::optional<UserRecord>> FindUserById(Database& db, std::string_view user_id);

// Inserts `member`. Conflict when the desk or user does not exist or the row
// is already there; Unavailable on an I/O error.
Status InsertDeskMember(Database& db, const DeskMemberRecord& member);

// The members of `desk_id`, ordered by user id then key version; empty when
// the desk has none (or does not exist).
Result<std::vector<DeskMemberRecord>> ListDeskMembers(Database& db, std::string_view desk_id);

// What a password change rewrites in a users row.
struct PasswordMaterial {
  std::vector<uint8_t> password_salt;
  std::vector<uint8_t> password_verifier;
  int64_t kdf_operations = 0;
  int64_t kdf_memory_bytes = 0;
  std::vector<uint8_t> password_wrapped_key;
  std::vector<uint8_t> sealed_totp_secret;
};

// Replaces the password material of `user_id`. NotFound when there is no such user.
Status UpdatePasswordMaterial(Database& db, std::string_view user_id, const PasswordMaterial& material);

// Marks `user_id` disabled. NotFound when there is no such user.
Status DisableUser(Database& db, std::string_view user_id);

// Every membership of `user_id` (all desks, all key versions), ordered by
// desk id then key version.
Result<std::vector<DeskMemberRecord>> ListMembershipsOfUser(Database& db, std::string_view user_id);

}  // namespace pillarbox::store
