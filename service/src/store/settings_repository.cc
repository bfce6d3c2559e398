#include "store/settings_repository.h"

namespace pillarbox::store {

Result<std::optional<std::string>> LoadSetting(Database& db, std::string_view key) {
  static constexpr char kLoadSql[] = "SELECT value FROM settings WHERE key = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kLoadSql));
  select->BindText(1, key);
  Result<bool> row = select->Step();
  std::optional<std::string> value;
  if (row.ok() && *row) value = select->ColumnText(0);
  select->Reset();
  if (!row.ok()) return row.status();
  return value;
}

Status StoreSetting(Database& db, std::string_view key, std::string_view value) {
  static constexpr char kStoreSql[] =
      "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
  PB_ASSIGN_OR_RETURN(Statement * upsert, db.Prepare(kStoreSql));
  upsert->BindText(1, key);
  upsert->BindText(2, value);
  return upsert->Run();
}

}  // namespace pillarbox::store
