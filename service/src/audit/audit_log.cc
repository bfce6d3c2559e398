// Appending and listing audit entries (declared in audit/audit_log.h).
#include "audit/audit_log.h"

#include "audit/audit_append.h"
#include "audit/audit_head.h"
#include "audit/deferred_audit.h"
#include "audit/audit_mac.h"

namespace pillarbox::audit {
namespace {

// The newest entry's seq and mac; seq 0 and 32 zero bytes for an empty log.
Status ReadLastLink(store::Database& db, int64_t& seq, std::vector<uint8_t>& mac) {
  static constexpr char kLastEntrySql[] = "SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1";
  PB_ASSIGN_OR_RETURN(store::Statement * last, db.Prepare(kLastEntrySql));
  Result<bool> row = last->Step();
  seq = 0;
  mac.assign(kAuditMacBytes, 0);
  if (row.ok() && *row) {
    seq = last->ColumnInt64(0);
    mac = last->ColumnBlob(1);
  }
  last->Reset();
  return row.status();
}

Status InsertEntry(store::Database& db, const AuditEntry& entry) {
  static constexpr char kInsertEntrySql[] =
      "INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, detail, prev_mac, mac) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  PB_ASSIGN_OR_RETURN(store::Statement * insert, db.Prepare(kInsertEntrySql));
  insert->BindInt64(1, entry.seq);
  insert->BindInt64(2, entry.at);
  insert->BindText(3, entry.actor);
  insert->BindText(4, entry.action);
  insert->BindText(5, entry.object_type);
  insert->BindText(6, entry.object_id);
  insert->BindText(7, entry.detail);
  insert->BindBlob(8, entry.prev_mac);
  insert->BindBlob(9, entry.mac);
  return insert->Run();
}

AuditEntry ReadEntry(const store::Statement& row) {
  AuditEntry entry;
  entry.seq = row.ColumnInt64(0);
  entry.at = row.ColumnInt64(1);
  entry.actor = row.ColumnText(2);
  entry.action = row.ColumnText(3);
  entry.object_type = row.ColumnText(4);
  entry.object_id = row.ColumnText(5);
  entry.detail = row.ColumnText(6);
  entry.prev_mac = row.ColumnBlob(7);
  entry.mac = row.ColumnBlob(8);
  return entry;
}

}  // namespace

Status AppendChainedEntry(store::Database& db, const privacy::SecretKey& audit_key, int64_t at,
                          const AuditEvent& event) {
  AuditEntry entry{0, at, event.actor, event.action, event.object_type, event.object_id, event.detail, {}, {}};
  int64_t last_seq = 0;
  PB_RETURN_IF_ERROR(ReadLastLink(db, last_seq, entry.prev_mac));
  entry.seq = last_seq + 1;
  entry.mac = AuditEntryMac(audit_key, entry);
  PB_RETURN_IF_ERROR(InsertEntry(db, entry));
  return WriteAuditHead(db, audit_key, entry.seq, entry.mac);
}

Status AppendAuditEntry(store::Database& db, const privacy::SecretKey& audit_key, const Clock& clock,
                        const AuditEvent& event) {
  if (!db.InTransaction()) return Status::FailedPrecondition("audit entries are appended inside a transaction");
  PB_RETURN_IF_ERROR(ValidateAuditEvent(event));
  PB_RETURN_IF_ERROR(FlushDeferredAuditEntries(db, audit_key, clock).status());
  return AppendChainedEntry(db, audit_key, clock.NowUnixSeconds(), event);
}

Result<std::vector<AuditEntry>> ListAuditEntries(store::Database& db, int64_t after_seq, int limit) {
  if (limit < 1 || limit > kMaxAuditPage) {
    return Status::InvalidArgument("must be 1-" + std::to_string(kMaxAuditPage), "limit");
  }
  if (after_seq < 0) return Status::InvalidArgument("must not be negative", "after_seq");
  static constexpr char kListEntriesSql[] =
      "SELECT seq, at, actor, action, object_type, object_id, detail, prev_mac, mac "
      "FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?";
  PB_ASSIGN_OR_RETURN(store::Statement * list, db.Prepare(kListEntriesSql));
  list->BindInt64(1, after_seq);
  list->BindInt64(2, static_cast<int64_t>(limit));
  std::vector<AuditEntry> entries;
  Result<bool> row = list->Step();
  for (; row.ok() && *row; row = list->Step()) entries.push_back(ReadEntry(*list));
  list->Reset();
  if (!row.ok()) return row.status();
  return entries;
}

}  // namespace pillarbox::audit
