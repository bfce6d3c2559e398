#include "store/migrations.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>

#include "store/transaction.h"

namespace pillarbox::store {
namespace {

// The number of a migration named "NNN_name.sql", or nullopt.
std::optional<int> MigrationNumber(std::string_view name) {
  if (name.size() < 9 || name[3] != '_' || !name.ends_with(".sql")) return std::nullopt;
  int number = 0;
  const auto [end, error] = std::from_chars(name.data(), name.data() + 3, number);
  if (error != std::errc() || end != name.data() + 3) return std::nullopt;
  return number;
}

// InvalidArgument unless the migrations are numbered 1, 2, 3, ... in order.
Status CheckNumbering(const std::vector<EmbeddedFile>& migrations) {
  for (size_t i = 0; i < migrations.size(); ++i) {
    const std::optional<int> number = MigrationNumber(migrations[i].name);
    if (!number) {
      return Status::InvalidArgument("migration file name is not NNN_name.sql: " + std::string(migrations[i].name));
    }
    if (*number != static_cast<int>(i) + 1) {
      return Status::InvalidArgument("migrations are not numbered consecutively from 001 at " +
                                     std::string(migrations[i].name));
    }
  }
  return Status::Ok();
}

// Runs `migration` and records `version`, in one transaction.
Status ApplyOne(Database& db, const EmbeddedFile& migration, int version) {
  Transaction transaction(db);
  PB_RETURN_IF_ERROR(transaction.Begin());
  Status applied = db.Execute(migration.content);
  if (!applied.ok()) {
    const std::string what = "migration " + std::string(migration.name) + " failed: " + applied.message();
    if (applied.code() == StatusCode::kUnavailable) return Status::Unavailable(what);
    return Status::Internal(what);
  }
  static constexpr char kSetVersionSql[] =
      "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value";
  PB_ASSIGN_OR_RETURN(Statement * set_version, db.Prepare(kSetVersionSql));
  set_version->BindText(1, std::to_string(version));
  PB_RETURN_IF_ERROR(set_version->Run());
  return transaction.Commit();
}

}  // namespace

Result<int> SchemaVersion(Database& db) {
  static constexpr char kHasMetaSql[] = "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = 'meta'";
  PB_ASSIGN_OR_RETURN(Statement * has_meta, db.Prepare(kHasMetaSql));
  PB_ASSIGN_OR_RETURN(bool row, has_meta->Step());
  const bool meta_exists = row && has_meta->ColumnInt64(0) > 0;
  has_meta->Reset();
  if (!meta_exists) return 0;

  static constexpr char kVersionSql[] = "SELECT value FROM meta WHERE key = 'schema_version'";
  PB_ASSIGN_OR_RETURN(Statement * version, db.Prepare(kVersionSql));
  PB_ASSIGN_OR_RETURN(row, version->Step());
  const std::string text = row ? version->ColumnText(0) : std::string("0");
  version->Reset();
  int number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size() || number < 0) {
    return Status::DataLoss("meta schema_version is not a version number");
  }
  return number;
}

Status ApplyMigrations(Database& db, const std::vector<EmbeddedFile>& migrations) {
  PB_RETURN_IF_ERROR(CheckNumbering(migrations));
  PB_ASSIGN_OR_RETURN(const int current, SchemaVersion(db));
  const int latest = LatestVersion(migrations);
  if (current > latest) {
    return Status::FailedPrecondition("database schema version " + std::to_string(current) +
                                      " is newer than this build supports (" + std::to_string(latest) + ")");
  }
  for (int version = current + 1; version <= latest; ++version) {
    PB_RETURN_IF_ERROR(ApplyOne(db, migrations[static_cast<size_t>(version - 1)], version));
  }
  return Status::Ok();
}

int LatestVersion(const std::vector<EmbeddedFile>& migrations) {
  int latest = 0;
  for (const EmbeddedFile& migration : migrations) {
    latest = std::max(latest, MigrationNumber(migration.name).value_or(0));
  }
  return latest;
}

}  // namespace pillarbox::store
