#include "store/user_directory.h"

#include <map>

#include "store/row_loop.h"

namespace pillarbox::store {

Result<std::vector<UserDirectoryEntry>> ListUserDirectory(Database& db) {
  static constexpr char kUsersSql[] =
      "SELECT u.id, u.username, u.role, u.disabled, u.created_day, coalesce(o.organization_id, '') "
      "FROM users u LEFT JOIN organization_members o ON o.user_id = u.id ORDER BY u.username";
  static constexpr char kDesksSql[] = "SELECT DISTINCT user_id, desk_id FROM desk_members ORDER BY user_id, desk_id";
  PB_ASSIGN_OR_RETURN(Statement * users, db.Prepare(kUsersSql));
  std::vector<UserDirectoryEntry> entries;
  PB_RETURN_IF_ERROR(ForEachRow(*users, [&entries](Statement& row) {
    entries.push_back({row.ColumnText(0), row.ColumnText(1), row.ColumnText(2), row.ColumnInt64(3) != 0,
                       row.ColumnText(4), row.ColumnText(5), {}});
  }));
  PB_ASSIGN_OR_RETURN(Statement * desks, db.Prepare(kDesksSql));
  std::map<std::string, std::vector<std::string>> desks_of;
  PB_RETURN_IF_ERROR(ForEachRow(
      *desks, [&desks_of](Statement& row) { desks_of[row.ColumnText(0)].push_back(row.ColumnText(1)); }));
  for (auto& entry : entries) {
    const auto found = desks_of.find(entry.id);
    if (found != desks_of.end()) entry.desk_ids = found->second;
  }
  return entries;
}

}  // namespace pillarbox::store
