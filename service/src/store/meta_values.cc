// Named meta values (declared in store/meta_values.h).
#include "store/meta_values.h"

namespace pillarbox::store {

Result<std::optional<std::string>> LoadMetaValue(Database& db, std::string_view key) {
  static constexpr char kSql[] = "SELECT value FROM meta WHERE key = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, key);
  Result<bool> row = select->Step();
  std::optional<std::string> value;
  if (row.ok() && *row) value = select->ColumnText(0);
  select->Reset();
  if (!row.ok()) return row.status();
  return value;
}

Status StoreMetaValue(Database& db, std::string_view key, std::string_view value) {
  static constexpr char kSql[] =
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
  PB_ASSIGN_OR_RETURN(Statement * upsert, db.Prepare(kSql));
  upsert->BindText(1, key);
  upsert->BindText(2, value);
  return upsert->Run();
}

Status DeleteMetaValue(Database& db, std::string_view key) {
  static constexpr char kSql[] = "DELETE FROM meta WHERE key = ?";
  PB_ASSIGN_OR_RETURN(Statement * remove, db.Prepare(kSql));
  remove->BindText(1, key);
  return remove->Run();
}

}  // namespace pillarbox::store
