// The admins' list of accounts: each user's clear columns (never a password
// salt, verifier, wrapped key or sealed TOTP secret), the desks it holds a key
// of and, for partners, its organization. Functions, not a class: each takes
// the Database to use. Thread-compatible (as that Database).
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// One account as an admin sees it.
struct UserDirectoryEntry {
  std::string id;
  std::string username;
  std::string role;  // "admin", "reviewer", "partner" or "researcher"
  bool disabled = false;
  std::string created_day;             // "YYYY-MM-DD"
  std::string organization_id;         // "" unless a partner of an organization
  std::vector<std::string> desk_ids;   // desks it holds any key version of, by id
  bool operator==(const UserDirectoryEntry&) const = default;
};

// Every account, ordered by username. Unavailable on an I/O error.
Result<std::vector<UserDirectoryEntry>> ListUserDirectory(Database& db);

}  // namespace pillarbox::store
