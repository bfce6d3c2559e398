#include "store/evidence_rows.h"

#include "store/row_loop.h"
#include "store/statement.h"

namespace pillarbox::store {
namespace {

EvidenceFileRecord ReadFile(const Statement& row) {
  EvidenceFileRecord file;
  file.id = row.ColumnText(0);
  file.report_id = row.ColumnText(1);
  file.created_day = row.ColumnText(2);
  file.sealed_key = row.ColumnBlob(3);
  file.sealed_meta = row.ColumnBlob(4);
  file.stream_header = row.ColumnBlob(5);
  file.chunk_count = row.ColumnInt64(6);
  return file;
}

Status InsertChunks(Database& db, std::string_view file_id, const std::vector<std::vector<uint8_t>>& chunks) {
  static constexpr char kInsertChunkSql[] = "INSERT INTO evidence_chunks (file_id, seq, ciphertext) VALUES (?, ?, ?)";
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertChunkSql));
  for (size_t seq = 0; seq < chunks.size(); ++seq) {
    insert->BindText(1, file_id);
    insert->BindInt64(2, static_cast<int64_t>(seq));
    insert->BindBlob(3, chunks[seq]);
    PB_RETURN_IF_ERROR(insert->Run());
  }
  return Status::Ok();
}

}  // namespace

Status InsertEvidenceFile(Database& db, const EvidenceFileRecord& file,
                          const std::vector<std::vector<uint8_t>>& chunks) {
  if (file.chunk_count != static_cast<int64_t>(chunks.size()) || chunks.empty()) {
    return Status::InvalidArgument("chunk count does not match the chunks");
  }
  static constexpr char kInsertFileSql[] =
      "INSERT INTO evidence_files (id, report_id, created_day, sealed_key, sealed_meta, stream_header, chunk_count) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)";
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertFileSql));
  insert->BindText(1, file.id);
  insert->BindText(2, file.report_id);
  insert->BindText(3, file.created_day);
  insert->BindBlob(4, file.sealed_key);
  insert->BindBlob(5, file.sealed_meta);
  insert->BindBlob(6, file.stream_header);
  insert->BindInt64(7, file.chunk_count);
  PB_RETURN_IF_ERROR(insert->Run());
  return InsertChunks(db, file.id, chunks);
}

Result<int64_t> CountEvidenceFiles(Database& db, std::string_view report_id) {
  static constexpr char kCountSql[] =
      "SELECT count(*) FROM evidence_files INDEXED BY evidence_files_by_report WHERE report_id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kCountSql));
  select->BindText(1, report_id);
  int64_t count = -1;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) { count = row.ColumnInt64(0); }));
  if (count < 0) return Status::Internal("no evidence count");
  return count;
}

Result<std::vector<EvidenceFileRecord>> ListEvidenceFiles(Database& db, std::string_view report_id) {
  static constexpr char kListSql[] =
      "SELECT id, report_id, created_day, sealed_key, sealed_meta, stream_header, chunk_count "
      "FROM evidence_files INDEXED BY evidence_files_by_report WHERE report_id = ? ORDER BY created_day, id";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kListSql));
  select->BindText(1, report_id);
  std::vector<EvidenceFileRecord> files;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) { files.push_back(ReadFile(row)); }));
  return files;
}

Result<std::optional<EvidenceFileRecord>> LoadEvidenceFile(Database& db, std::string_view report_id,
                                                           std::string_view file_id) {
  static constexpr char kLoadSql[] =
      "SELECT id, report_id, created_day, sealed_key, sealed_meta, stream_header, chunk_count "
      "FROM evidence_files WHERE id = ? AND report_id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kLoadSql));
  select->BindText(1, file_id);
  select->BindText(2, report_id);
  std::optional<EvidenceFileRecord> file;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) { file = ReadFile(row); }));
  return file;
}

Result<std::vector<std::vector<uint8_t>>> LoadEvidenceChunks(Database& db, std::string_view file_id) {
  static constexpr char kChunksSql[] = "SELECT seq, ciphertext FROM evidence_chunks WHERE file_id = ? ORDER BY seq";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kChunksSql));
  select->BindText(1, file_id);
  std::vector<std::vector<uint8_t>> chunks;
  bool in_order = true;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) {
    in_order = in_order && row.ColumnInt64(0) == static_cast<int64_t>(chunks.size());
    chunks.push_back(row.ColumnBlob(1));
  }));
  if (!in_order) return Status::DataLoss("evidence chunks are not numbered in order");
  return chunks;
}

}  // namespace pillarbox::store
