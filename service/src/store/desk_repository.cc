#include "store/desk_repository.h"

#include <algorithm>
#include <limits>

#include "store/savepoint.h"

namespace pillarbox::store {
namespace {

Status InsertDeskRow(Database& db, const DeskRecord& desk) {
  static constexpr char kInsertDeskSql[] = "INSERT INTO desks (id, name, key_version, public_key) VALUES (?, ?, ?, ?)";
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertDeskSql));
  insert->BindText(1, desk.id);
  insert->BindText(2, desk.name);
  insert->BindInt64(3, static_cast<int64_t>(desk.key_version));
  insert->BindBlob(4, desk.public_key.bytes);
  return insert->Run();
}

Status InsertKeyVersionRow(Database& db, const DeskRecord& desk) {
  static constexpr char kInsertKeyVersionSql[] =
      "INSERT INTO desk_key_versions (desk_id, key_version, public_key) VALUES (?, ?, ?)";
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertKeyVersionSql));
  insert->BindText(1, desk.id);
  insert->BindInt64(2, static_cast<int64_t>(desk.key_version));
  insert->BindBlob(3, desk.public_key.bytes);
  return insert->Run();
}

Status InsertKindRows(Database& db, const DeskRecord& desk) {
  static constexpr char kInsertKindSql[] = "INSERT INTO desk_kinds (kind, desk_id) VALUES (?, ?)";
  for (const std::string& kind : desk.kinds) {
    PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertKindSql));
    insert->BindText(1, kind);
    insert->BindText(2, desk.id);
    PB_RETURN_IF_ERROR(insert->Run());
  }
  return Status::Ok();
}

// The desk columns of the current row of ListDesks' query.
Result<DeskRecord> ReadDesk(const Statement& row) {
  DeskRecord desk;
  desk.id = row.ColumnText(0);
  desk.name = row.ColumnText(1);
  const int64_t key_version = row.ColumnInt64(2);
  const std::vector<uint8_t> public_key = row.ColumnBlob(3);
  if (key_version < 1 || key_version > std::numeric_limits<uint32_t>::max() ||
      public_key.size() != desk.public_key.bytes.size()) {
    return Status::DataLoss("malformed desk row");
  }
  desk.key_version = static_cast<uint32_t>(key_version);
  std::copy(public_key.begin(), public_key.end(), desk.public_key.bytes.begin());
  return desk;
}

// Reads every row of ListDesks' query from `select`, grouping kinds by desk.
Result<std::vector<DeskRecord>> ReadDesks(Statement& select) {
  std::vector<DeskRecord> desks;
  for (;;) {
    PB_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) return desks;
    if (desks.empty() || desks.back().id != select.ColumnText(0)) {
      PB_ASSIGN_OR_RETURN(DeskRecord desk, ReadDesk(select));
      desks.push_back(std::move(desk));
    }
    if (!select.ColumnIsNull(4)) desks.back().kinds.push_back(select.ColumnText(4));
  }
}

}  // namespace

Status InsertDesk(Database& db, const DeskRecord& desk) {
  Savepoint savepoint(db);
  PB_RETURN_IF_ERROR(savepoint.Begin());
  PB_RETURN_IF_ERROR(InsertDeskRow(db, desk));
  PB_RETURN_IF_ERROR(InsertKeyVersionRow(db, desk));
  PB_RETURN_IF_ERROR(InsertKindRows(db, desk));
  return savepoint.Release();
}

Result<std::vector<DeskRecord>> ListDesks(Database& db) {
  // One statement, hence one snapshot; a desk without kinds gives one row with a NULL kind.
  static constexpr char kListDesksSql[] =
      "SELECT desks.id, desks.name, desks.key_version, desks.public_key, desk_kinds.kind "
      "FROM desks LEFT JOIN desk_kinds ON desk_kinds.desk_id = desks.id "
      "ORDER BY desks.id, desk_kinds.kind";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kListDesksSql));
  Result<std::vector<DeskRecord>> desks = ReadDesks(*select);
  select->Reset();  // ends the read, also after an early return
  return desks;
}

}  // namespace pillarbox::store
