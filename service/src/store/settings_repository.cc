#include "store/settings_repository.h"

#include "store/key_value_rows.h"

namespace pillarbox::store {

Result<std::optional<std::string>> LoadSetting(Database& db, std::string_view key) {
  return LoadKeyValue(db, "SELECT value FROM settings WHERE key = ?", key);
}

Status StoreSetting(Database& db, std::string_view key, std::string_view value) {
  return StoreKeyValue(
      db, "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key,
      value);
}

}  // namespace pillarbox::store
