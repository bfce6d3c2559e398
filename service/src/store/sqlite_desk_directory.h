// SqliteDeskDirectory: the DeskDirectory of the intake path, read once from
// the desks and desk_kinds tables. When a desk's key is rotated (a member was
// removed), InstallKey makes the new public key the one future reports are
// sealed to, without reading the database again. Thread-safe.
#pragma once

#include <memory>
#include <mutex>
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

  // Seals future reports of `key.desk_id` to `key`, if its version is newer
  // than the one held (an older version is ignored, so the order in which
  // concurrent rotations report back does not matter). Call only after the
  // key version is committed.
  void InstallKey(const intake::DeskKey& key);

 private:
  explicit SqliteDeskDirectory(std::unordered_map<std::string, intake::DeskKey> desks_by_kind)
      : desks_by_kind_(std::move(desks_by_kind)) {}

  mutable std::mutex mutex_;
  std::unordered_map<std::string, intake::DeskKey> desks_by_kind_;
};

}  // namespace pillarbox::store
