// Named meta values (declared in store/meta_values.h).
#include "store/meta_values.h"

#include "store/key_value_rows.h"

namespace pillarbox::store {

Result<std::optional<std::string>> LoadMetaValue(Database& db, std::string_view key) {
  return LoadKeyValue(db, "SELECT value FROM meta WHERE key = ?", key);
}

Status StoreMetaValue(Database& db, std::string_view key, std::string_view value) {
  return StoreKeyValue(
      db, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key,
      value);
}

Status DeleteMetaValue(Database& db, std::string_view key) {
  static constexpr char kSql[] = "DELETE FROM meta WHERE key = ?";
  PB_ASSIGN_OR_RETURN(Statement * remove, db.Prepare(kSql));
  remove->BindText(1, key);
  return remove->Run();
}

}  // namespace pillarbox::store
