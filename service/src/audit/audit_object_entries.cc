#include "audit/audit_object_entries.h"

#include <algorithm>

#include "store/statement.h"

namespace pillarbox::audit {

Result<std::vector<AuditEntry>> AuditEntriesAbout(store::Database& db, const std::vector<std::string>& object_ids) {
  static constexpr char kAboutSql[] =
      "SELECT seq, at, actor, action, object_type, object_id, detail, prev_mac, mac "
      "FROM audit_log INDEXED BY audit_log_by_object WHERE object_id = ? ORDER BY seq";
  PB_ASSIGN_OR_RETURN(store::Statement * select, db.Prepare(kAboutSql));
  std::vector<AuditEntry> entries;
  std::vector<std::string> ids = object_ids;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (const std::string& id : ids) {
    if (id.empty()) continue;
    select->BindText(1, id);
    Result<bool> row = select->Step();
    for (; row.ok() && *row; row = select->Step()) {
      AuditEntry entry;
      entry.seq = select->ColumnInt64(0);
      entry.at = select->ColumnInt64(1);
      entry.actor = select->ColumnText(2);
      entry.action = select->ColumnText(3);
      entry.object_type = select->ColumnText(4);
      entry.object_id = select->ColumnText(5);
      entry.detail = select->ColumnText(6);
      entry.prev_mac = select->ColumnBlob(7);
      entry.mac = select->ColumnBlob(8);
      entries.push_back(std::move(entry));
      if (static_cast<int64_t>(entries.size()) > kMaxObjectEntries) break;
    }
    select->Reset();
    if (!row.ok()) return row.status();
    if (static_cast<int64_t>(entries.size()) > kMaxObjectEntries) {
      return Status::ResourceExhausted("too many audit entries for one extract");
    }
  }
  std::sort(entries.begin(), entries.end(), [](const AuditEntry& a, const AuditEntry& b) { return a.seq < b.seq; });
  return entries;
}

}  // namespace pillarbox::audit
