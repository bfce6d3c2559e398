// Organization rows (schema/007: organizations, organization_members): the
// partner organizations evidence bundles are shared with, their X25519
// public keys, and which partner account belongs to which organization.
// Functions, not a class: each takes the Database to use. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// One row of `organizations`.
struct OrganizationRecord {
  std::string id;  // 32 random hex digits
  std::string name;
  std::vector<uint8_t> public_key;  // 32 bytes, X25519
  std::string created_day;          // YYYY-MM-DD
  std::string created_by;           // the admin's user id
  bool operator==(const OrganizationRecord&) const = default;
};

// Inserts `record`. Conflict naming "name" when the name is taken (case-
// insensitively); Conflict when a column breaks the schema.
Status InsertOrganization(Database& db, const OrganizationRecord& record);

// Organization `id`, or nullopt.
Result<std::optional<OrganizationRecord>> LoadOrganization(Database& db, std::string_view id);

// Every organization, ordered by name (case-insensitively), then id.
Result<std::vector<OrganizationRecord>> ListOrganizations(Database& db);

// Makes user `user_id` a member of organization `organization_id`. Conflict
// when the user or organization does not exist or already has a membership.
Status InsertOrganizationMember(Database& db, std::string_view user_id, std::string_view organization_id);

// The organization of user `user_id`, or "" when it belongs to none.
Result<std::string> OrganizationOfUser(Database& db, std::string_view user_id);

}  // namespace pillarbox::store
