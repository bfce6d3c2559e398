#include "store/desk_key_reseal_rows.h"

#include <limits>

#include "store/row_loop.h"

namespace pillarbox::store {
namespace {

// The version column read at `column`, or nullopt when out of range.
std::optional<uint32_t> VersionAt(const Statement& statement, int column) {
  const int64_t version = statement.ColumnInt64(column);
  if (version < 1 || version > std::numeric_limits<uint32_t>::max()) return std::nullopt;
  return static_cast<uint32_t>(version);
}

// Reads (version, count) rows of `select` as T{version, count}. DataLoss on a
// malformed version.
template <typename T>
Result<std::vector<T>> ReadVersionCounts(Statement& select) {
  std::vector<T> rows;
  bool malformed = false;
  PB_RETURN_IF_ERROR(ForEachRow(select, [&](const Statement& row) {
    const auto version = VersionAt(row, 0);
    if (!version.has_value()) {
      malformed = true;
      return;
    }
    rows.push_back({*version, row.ColumnInt64(1)});
  }));
  if (malformed) return Status::DataLoss("malformed desk key version");
  return rows;
}

// `+desk_id` keeps the planner off reports_by_desk_day: the walk follows the
// primary key from `after_id`, so consecutive batches never rescan rows.
constexpr char kReportsBatchSql[] =
    "SELECT id, desk_key_version, desk_sealed_data_key FROM reports "
    "WHERE +desk_id = ? AND desk_key_version <> ? AND id > ? ORDER BY id LIMIT ?";
constexpr char kNotesBatchSql[] =
    "SELECT n.id, n.desk_key_version, n.desk_sealed_data_key FROM report_notes n "
    "JOIN reports r ON r.id = n.report_id "
    "WHERE r.desk_id = ? AND n.desk_key_version <> ? AND n.id > ? ORDER BY n.id LIMIT ?";
constexpr char kCasesBatchSql[] =
    "SELECT id, desk_key_version, desk_sealed_data_key FROM cases "
    "WHERE desk_id = ? AND desk_key_version <> ? AND id > ? ORDER BY id LIMIT ?";

constexpr char kReplaceReportSql[] =
    "UPDATE reports SET desk_sealed_data_key = ?, desk_key_version = ? WHERE id = ? AND desk_key_version = ?";
constexpr char kReplaceNoteSql[] =
    "UPDATE report_notes SET desk_sealed_data_key = ?, desk_key_version = ? WHERE id = ? AND desk_key_version = ?";
constexpr char kReplaceCaseSql[] =
    "UPDATE cases SET desk_sealed_data_key = ?, desk_key_version = ? WHERE id = ? AND desk_key_version = ?";

const char* BatchSql(DeskSealedTable table) {
  switch (table) {
    case DeskSealedTable::kReports:
      return kReportsBatchSql;
    case DeskSealedTable::kReportNotes:
      return kNotesBatchSql;
    case DeskSealedTable::kCases:
      break;
  }
  return kCasesBatchSql;
}

const char* ReplaceSql(DeskSealedTable table) {
  switch (table) {
    case DeskSealedTable::kReports:
      return kReplaceReportSql;
    case DeskSealedTable::kReportNotes:
      return kReplaceNoteSql;
    case DeskSealedTable::kCases:
      break;
  }
  return kReplaceCaseSql;
}

}  // namespace

std::string_view DeskSealedTableName(DeskSealedTable table) {
  switch (table) {
    case DeskSealedTable::kReports:
      return "reports";
    case DeskSealedTable::kReportNotes:
      return "report_notes";
    case DeskSealedTable::kCases:
      break;
  }
  return "cases";
}

Result<std::vector<DeskSealedKeyRow>> ListDeskSealedKeysOnOldVersions(Database& db, DeskSealedTable table,
                                                                      std::string_view desk_id,
                                                                      uint32_t current_version,
                                                                      std::string_view after_id, int64_t limit) {
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(BatchSql(table)));
  select->BindText(1, desk_id);
  select->BindInt64(2, int64_t{current_version});
  select->BindText(3, after_id);
  select->BindInt64(4, limit);
  std::vector<DeskSealedKeyRow> rows;
  bool malformed = false;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) {
    const auto version = VersionAt(row, 1);
    if (!version.has_value()) {
      malformed = true;
      return;
    }
    rows.push_back({table, row.ColumnText(0), *version, row.ColumnBlob(2)});
  }));
  if (malformed) return Status::DataLoss("malformed desk key version");
  return rows;
}

Result<bool> ReplaceDeskSealedKey(Database& db, const DeskSealedKeyRow& row, uint32_t new_version,
                                  privacy::ByteView sealed_data_key) {
  PB_ASSIGN_OR_RETURN(Statement * update, db.Prepare(ReplaceSql(row.table)));
  update->BindBlob(1, sealed_data_key);
  update->BindInt64(2, int64_t{new_version});
  update->BindText(3, row.id);
  update->BindInt64(4, int64_t{row.key_version});
  PB_RETURN_IF_ERROR(update->Run());
  return db.ChangedRows() == 1;
}

Result<std::vector<KeyVersionUse>> CountDeskSealedKeysByVersion(Database& db, std::string_view desk_id) {
  static constexpr char kCountSql[] =
      "SELECT version, SUM(records) FROM ("
      " SELECT desk_key_version AS version, COUNT(*) AS records FROM reports WHERE desk_id = ?"
      "  GROUP BY desk_key_version"
      " UNION ALL SELECT n.desk_key_version, COUNT(*) FROM report_notes n JOIN reports r ON r.id = n.report_id"
      "  WHERE r.desk_id = ? GROUP BY n.desk_key_version"
      " UNION ALL SELECT desk_key_version, COUNT(*) FROM cases WHERE desk_id = ? GROUP BY desk_key_version"
      ") GROUP BY version ORDER BY version";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kCountSql));
  for (int index = 1; index <= 3; ++index) select->BindText(index, desk_id);
  return ReadVersionCounts<KeyVersionUse>(*select);
}

Result<std::vector<DeskKeyVersionRow>> ListDeskKeyVersions(Database& db, std::string_view desk_id) {
  static constexpr char kVersionsSql[] =
      "SELECT v.key_version, "
      " (SELECT COUNT(*) FROM desk_members m WHERE m.desk_id = v.desk_id AND m.key_version = v.key_version) "
      "FROM desk_key_versions v WHERE v.desk_id = ? ORDER BY v.key_version";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kVersionsSql));
  select->BindText(1, desk_id);
  return ReadVersionCounts<DeskKeyVersionRow>(*select);
}

Result<int64_t> RetireDeskKeyVersion(Database& db, std::string_view desk_id, uint32_t key_version) {
  static constexpr char kDeleteCopiesSql[] = "DELETE FROM desk_members WHERE desk_id = ? AND key_version = ?";
  PB_ASSIGN_OR_RETURN(Statement * remove, db.Prepare(kDeleteCopiesSql));
  remove->BindText(1, desk_id);
  remove->BindInt64(2, int64_t{key_version});
  PB_RETURN_IF_ERROR(remove->Run());
  return db.ChangedRows();
}

}  // namespace pillarbox::store
