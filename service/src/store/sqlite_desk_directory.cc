#include "store/sqlite_desk_directory.h"

#include <utility>
#include <vector>

#include "store/desk_repository.h"

namespace pillarbox::store {

Result<std::unique_ptr<SqliteDeskDirectory>> SqliteDeskDirectory::Load(Database& db) {
  PB_ASSIGN_OR_RETURN(const std::vector<DeskRecord> desks, ListDesks(db));
  std::unordered_map<std::string, intake::DeskKey> desks_by_kind;
  for (const DeskRecord& desk : desks) {
    for (const std::string& kind : desk.kinds) {
      desks_by_kind.emplace(kind, intake::DeskKey{desk.id, desk.key_version, desk.public_key});
    }
  }
  return std::unique_ptr<SqliteDeskDirectory>(new SqliteDeskDirectory(std::move(desks_by_kind)));
}

Result<intake::DeskKey> SqliteDeskDirectory::DeskForKind(const std::string& kind) const {
  const std::lock_guard lock(mutex_);
  const auto it = desks_by_kind_.find(kind);
  if (it == desks_by_kind_.end()) return Status::NotFound("no desk receives this kind of report");
  return it->second;
}

void SqliteDeskDirectory::InstallKey(const intake::DeskKey& key) {
  const std::lock_guard lock(mutex_);
  for (auto& [kind, desk_key] : desks_by_kind_) {
    if (desk_key.desk_id == key.desk_id && key.key_version > desk_key.key_version) desk_key = key;
  }
}

}  // namespace pillarbox::store
