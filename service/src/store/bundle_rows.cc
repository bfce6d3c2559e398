#include "store/bundle_rows.h"

#include "store/row_loop.h"
#include "store/statement.h"

namespace pillarbox::store {
namespace {

BundleRecord ReadBundle(const Statement& row) {
  BundleRecord record;
  record.id = row.ColumnText(0);
  record.case_id = row.ColumnText(1);
  record.organization_id = row.ColumnText(2);
  record.created_day = row.ColumnText(3);
  record.created_by = row.ColumnText(4);
  record.size = row.ColumnInt64(5);
  record.state = row.ColumnText(6);
  return record;
}

Result<std::vector<BundleRecord>> ListWithOneKey(Database& db, const char* sql, std::string_view key) {
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(sql));
  select->BindText(1, key);
  std::vector<BundleRecord> records;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) { records.push_back(ReadBundle(row)); }));
  return records;
}

}  // namespace

Status InsertBundle(Database& db, const BundleRecord& record, const std::vector<BundleFileRecord>& files) {
  static constexpr char kInsertSql[] =
      "INSERT INTO bundles (id, case_id, organization_id, created_day, created_by, size, state) "
      "VALUES (?, ?, ?, ?, ?, 0, 'writing')";
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertSql));
  insert->BindText(1, record.id);
  insert->BindText(2, record.case_id);
  insert->BindText(3, record.organization_id);
  insert->BindText(4, record.created_day);
  insert->BindText(5, record.created_by);
  PB_RETURN_IF_ERROR(insert->Run());
  static constexpr char kFileSql[] =
      "INSERT INTO bundle_files (bundle_id, file_id, report_ordinal) VALUES (?, ?, ?)";
  PB_ASSIGN_OR_RETURN(Statement * insert_file, db.Prepare(kFileSql));
  for (const BundleFileRecord& file : files) {
    insert_file->BindText(1, record.id);
    insert_file->BindText(2, file.file_id);
    insert_file->BindInt64(3, file.report_ordinal);
    PB_RETURN_IF_ERROR(insert_file->Run());
  }
  return Status::Ok();
}

Status InsertBundleChunk(Database& db, std::string_view bundle_id, int64_t seq, std::string_view bytes) {
  static constexpr char kChunkSql[] = "INSERT INTO bundle_chunks (bundle_id, seq, bytes) VALUES (?, ?, ?)";
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kChunkSql));
  insert->BindText(1, bundle_id);
  insert->BindInt64(2, seq);
  insert->BindBlob(3, {reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()});
  return insert->Run();
}

Status MarkBundleReady(Database& db, std::string_view bundle_id, int64_t size) {
  static constexpr char kReadySql[] = "UPDATE bundles SET state = 'ready', size = ? WHERE id = ? AND state = 'writing'";
  PB_ASSIGN_OR_RETURN(Statement * update, db.Prepare(kReadySql));
  update->BindInt64(1, size);
  update->BindText(2, bundle_id);
  PB_RETURN_IF_ERROR(update->Run());
  if (db.ChangedRows() == 0) return Status::NotFound("no such bundle being written");
  return Status::Ok();
}

Result<int64_t> DeleteUnfinishedBundles(Database& db) {
  static constexpr char kDeleteSql[] = "DELETE FROM bundles WHERE state = 'writing'";
  PB_ASSIGN_OR_RETURN(Statement * erase, db.Prepare(kDeleteSql));
  PB_RETURN_IF_ERROR(erase->Run());
  return db.ChangedRows();
}

Result<bool> DeleteBundle(Database& db, std::string_view bundle_id) {
  static constexpr char kDeleteSql[] = "DELETE FROM bundles WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * erase, db.Prepare(kDeleteSql));
  erase->BindText(1, bundle_id);
  PB_RETURN_IF_ERROR(erase->Run());
  return db.ChangedRows() > 0;
}

Result<std::optional<BundleRecord>> LoadBundle(Database& db, std::string_view id) {
  static constexpr char kLoadSql[] =
      "SELECT id, case_id, organization_id, created_day, created_by, size, state FROM bundles WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kLoadSql));
  select->BindText(1, id);
  std::optional<BundleRecord> record;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) { record = ReadBundle(row); }));
  return record;
}

Result<std::vector<BundleRecord>> ListReadyBundlesOfOrganization(Database& db, std::string_view organization_id) {
  static constexpr char kListSql[] =
      "SELECT id, case_id, organization_id, created_day, created_by, size, state "
      "FROM bundles INDEXED BY bundles_by_organization WHERE organization_id = ? AND state = 'ready' "
      "ORDER BY created_day DESC, id";
  return ListWithOneKey(db, kListSql, organization_id);
}

Result<std::vector<BundleRecord>> ListReadyBundlesOfDesk(Database& db, std::string_view desk_id) {
  static constexpr char kListSql[] =
      "SELECT b.id, b.case_id, b.organization_id, b.created_day, b.created_by, b.size, b.state "
      "FROM cases c INDEXED BY cases_by_desk JOIN bundles b INDEXED BY bundles_by_case ON b.case_id = c.id "
      "WHERE c.desk_id = ? AND b.state = 'ready' ORDER BY b.created_day DESC, b.id";
  return ListWithOneKey(db, kListSql, desk_id);
}

Result<std::vector<BundleFileRecord>> ListBundleFiles(Database& db, std::string_view bundle_id) {
  static constexpr char kFilesSql[] =
      "SELECT file_id, report_ordinal FROM bundle_files WHERE bundle_id = ? ORDER BY report_ordinal, file_id";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kFilesSql));
  select->BindText(1, bundle_id);
  std::vector<BundleFileRecord> files;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) {
    files.push_back({row.ColumnText(0), row.ColumnInt64(1)});
  }));
  return files;
}

Result<std::string> LoadBundleBytes(Database& db, std::string_view bundle_id, int64_t expected_size) {
  static constexpr char kChunksSql[] = "SELECT seq, bytes FROM bundle_chunks WHERE bundle_id = ? ORDER BY seq";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kChunksSql));
  select->BindText(1, bundle_id);
  std::string bytes;
  bytes.reserve(static_cast<size_t>(expected_size));
  int64_t next = 0;
  bool in_order = true;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) {
    in_order = in_order && row.ColumnInt64(0) == next++;
    const std::vector<uint8_t> piece = row.ColumnBlob(1);
    bytes.append(reinterpret_cast<const char*>(piece.data()), piece.size());
  }));
  if (!in_order) return Status::DataLoss("bundle chunks are not numbered in order");
  if (static_cast<int64_t>(bytes.size()) != expected_size) return Status::DataLoss("bundle size does not match");
  return bytes;
}

}  // namespace pillarbox::store
