// SqliteDeskDirectory: the DeskDirectory of the intake path, read once from
// the desks and desk_kinds tables. Immutable after Load(), so thread-safe.
// A change to the desks takes effect when a new directory is loaded.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

#include "intake/desk_directory.h"
#include "store/database.h"

namespace pillarbox::store {

class SqliteDeskDirectory final : public intake::DeskDirectory {
 public:
  // Reads every desk and kind of `db` into memory; `db` is not used afterwards.
  // The errors of ListDesks.
  static Result<std::unique_ptr<SqliteDeskDirectory>> Load(Database& db);

  // The desk that receives `kind`, with its current key. NotFound when none does.
  Result<intake::DeskKey> DeskForKind(const std::string& kind) const override;

 private:
  explicit SqliteDeskDirectory(std::unordered_map<std::string, intake::DeskKey> desks_by_kind)
      : desks_by_kind_(std::move(desks_by_kind)) {}

  const std::unordered_map<std::string, intake::DeskKey> desks_by_kind_;
};

}  // namespace pillarbox::store
