// Deferred audit entries (declared in audit/deferred_audit.h).
#include "audit/deferred_audit.h"

#include <string>
#include <vector>

#include "audit/audit_append.h"

namespace pillarbox::audit {
namespace {

constexpr int64_t kSecondsPerDay = 86400;
constexpr size_t kDeferredIdBytes = 16;

int64_t DayStart(int64_t unix_seconds) {
  const int64_t day = unix_seconds / kSecondsPerDay - (unix_seconds % kSecondsPerDay < 0 ? 1 : 0);
  return day * kSecondsPerDay;
}

struct DeferredEntry {
  std::string id;
  int64_t day_start = 0;
  AuditEvent event;
};

// Deferred entries of days before `today_start`, in id order.
Result<std::vector<DeferredEntry>> ReadDue(store::Database& db, int64_t today_start) {
  static constexpr char kDueSql[] =
      "SELECT id, day_start, actor, action, object_type, object_id, detail FROM audit_deferred "
      "WHERE day_start < ? ORDER BY id";
  PB_ASSIGN_OR_RETURN(store::Statement * due, db.Prepare(kDueSql));
  due->BindInt64(1, today_start);
  std::vector<DeferredEntry> entries;
  while (true) {
    Result<bool> row = due->Step();
    if (!row.ok() || !*row) {
      due->Reset();
      if (!row.ok()) return row.status();
      return entries;
    }
    entries.push_back({due->ColumnText(0), due->ColumnInt64(1),
                       AuditEvent{due->ColumnText(2), due->ColumnText(3), due->ColumnText(4), due->ColumnText(5),
                                  due->ColumnText(6)}});
  }
}

}  // namespace

Status DeferAuditEntry(store::Database& db, const Clock& clock, const AuditEvent& event) {
  if (!db.InTransaction()) return Status::FailedPrecondition("audit entries are deferred inside a transaction");
  PB_RETURN_IF_ERROR(ValidateAuditEvent(event));
  static constexpr char kInsertSql[] =
      "INSERT INTO audit_deferred (id, day_start, actor, action, object_type, object_id, detail) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)";
  PB_ASSIGN_OR_RETURN(store::Statement * insert, db.Prepare(kInsertSql));
  insert->BindText(1, privacy::ToHex(privacy::RandomBytes(kDeferredIdBytes)));
  insert->BindInt64(2, DayStart(clock.NowUnixSeconds()));
  insert->BindText(3, event.actor);
  insert->BindText(4, event.action);
  insert->BindText(5, event.object_type);
  insert->BindText(6, event.object_id);
  insert->BindText(7, event.detail);
  return insert->Run();
}

Result<int64_t> FlushDeferredAuditEntries(store::Database& db, const privacy::SecretKey& audit_key,
                                          const Clock& clock) {
  if (!db.InTransaction()) return Status::FailedPrecondition("audit entries are appended inside a transaction");
  const int64_t today_start = DayStart(clock.NowUnixSeconds());
  PB_ASSIGN_OR_RETURN(const std::vector<DeferredEntry> due, ReadDue(db, today_start));
  if (due.empty()) return int64_t{0};
  for (const DeferredEntry& entry : due) {
    PB_RETURN_IF_ERROR(AppendChainedEntry(db, audit_key, entry.day_start, entry.event));
  }
  static constexpr char kDeleteSql[] = "DELETE FROM audit_deferred WHERE day_start < ?";
  PB_ASSIGN_OR_RETURN(store::Statement * erase, db.Prepare(kDeleteSql));
  erase->BindInt64(1, today_start);
  PB_RETURN_IF_ERROR(erase->Run());
  return static_cast<int64_t>(due.size());
}

}  // namespace pillarbox::audit
