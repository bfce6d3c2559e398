// Key-value rows (declared in store/key_value_rows.h).
#include "store/key_value_rows.h"

namespace pillarbox::store {

Result<std::optional<std::string>> LoadKeyValue(Database& db, const char* select_sql, std::string_view key) {
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(select_sql));
  select->BindText(1, key);
  Result<bool> row = select->Step();
  std::optional<std::string> value;
  if (row.ok() && *row) value = select->ColumnText(0);
  select->Reset();
  if (!row.ok()) return row.status();
  return value;
}

Status StoreKeyValue(Database& db, const char* upsert_sql, std::string_view key, std::string_view value) {
  PB_ASSIGN_OR_RETURN(Statement * upsert, db.Prepare(upsert_sql));
  upsert->BindText(1, key);
  upsert->BindText(2, value);
  return upsert->Run();
}

}  // namespace pillarbox::store
