#include "cases/retention_purge.h"

#include <spdlog/spdlog.h>

#include "audit/audit_log.h"
#include "cases/calendar_day.h"
#include "common/metrics.h"
#include "store/bundle_rows.h"
#include "store/reporter_rows.h"
#include "store/retention_rows.h"

namespace pillarbox::cases {
namespace {

constexpr char kActor[] = "system";
constexpr char kPurged[] = "retention.purged";

// Which rule made a report due.
enum class ReportRule { kClosed, kMaxAge };

struct ReportBatch {
  std::string kind;
  ReportRule rule = ReportRule::kClosed;
  std::string cutoff;  // the last day that is due
  int64_t limit = 0;
};

Status DeleteReportBatch(store::Database& db, const privacy::SecretKey& audit_key, const Clock& clock,
                         const ReportBatch& batch, std::vector<std::string>& deleted) {
  PB_ASSIGN_OR_RETURN(const auto ids, batch.rule == ReportRule::kClosed
                                          ? store::ListClosedReportsDue(db, batch.kind, batch.cutoff, batch.limit)
                                          : store::ListAgedReportsDue(db, batch.kind, batch.cutoff, batch.limit));
  const std::string detail =
      "kind=" + batch.kind + ";rule=" + (batch.rule == ReportRule::kClosed ? "closed" : "max_age");
  for (const std::string& id : ids) {
    PB_ASSIGN_OR_RETURN(const bool removed, store::DeleteReport(db, id));
    if (!removed) continue;
    PB_RETURN_IF_ERROR(audit::AppendAuditEntry(db, audit_key, clock, {kActor, kPurged, "report", id, detail}));
    deleted.push_back(id);
  }
  return Status::Ok();
}

// Deletes due cases; adds the bundles that went with them to `bundles`.
Status DeleteCaseBatch(store::Database& db, const privacy::SecretKey& audit_key, const Clock& clock,
                       const std::string& cutoff, int64_t limit, int64_t& cases, int64_t& bundles) {
  PB_ASSIGN_OR_RETURN(const auto ids, store::ListCasesDue(db, cutoff, limit));
  for (const std::string& id : ids) {
    PB_ASSIGN_OR_RETURN(const int64_t with_bundles, store::DeleteCase(db, id));
    if (with_bundles < 0) continue;
    PB_RETURN_IF_ERROR(audit::AppendAuditEntry(db, audit_key, clock,
                                               {kActor, kPurged, "case", id, "bundles=" + std::to_string(with_bundles)}));
    ++cases;
    bundles += with_bundles;
  }
  return Status::Ok();
}

Status DeleteBundleBatch(store::Database& db, const privacy::SecretKey& audit_key, const Clock& clock,
                         const std::string& cutoff, int64_t limit, int64_t& bundles) {
  PB_ASSIGN_OR_RETURN(const auto ids, store::ListBundlesDue(db, cutoff, limit));
  for (const std::string& id : ids) {
    PB_ASSIGN_OR_RETURN(const bool removed, store::DeleteBundle(db, id));
    if (!removed) continue;
    PB_RETURN_IF_ERROR(audit::AppendAuditEntry(db, audit_key, clock, {kActor, kPurged, "bundle", id, ""}));
    ++bundles;
  }
  return Status::Ok();
}

Status RecordFinish(store::Database& db, const privacy::SecretKey& audit_key, const Clock& clock,
                    const PurgeCounts& counts) {
  PB_RETURN_IF_ERROR(StoreLastPurge(db, counts));
  return audit::AppendAuditEntry(db, audit_key, clock,
                                 {kActor, "retention.purge.finished", "instance", "",
                                  "reports=" + std::to_string(counts.reports) + ";cases=" +
                                      std::to_string(counts.cases) + ";bundles=" + std::to_string(counts.bundles)});
}

Status Interrupted() { return Status::Unavailable("the purge was interrupted by a shutdown"); }

bool Cancelled(const std::atomic<bool>* cancel) { return cancel != nullptr && cancel->load(); }

}  // namespace

RetentionPurge::RetentionPurge(store::GroupCommitWriter& writer, const privacy::SecretKey& audit_key,
                               const Clock& clock, std::vector<std::string> kinds, WalTruncate truncate_wal,
                               ReportsPurged on_reports, Options options)
    : writer_(writer),
      audit_key_(audit_key),
      clock_(clock),
      kinds_(std::move(kinds)),
      truncate_wal_(std::move(truncate_wal)),
      on_reports_(std::move(on_reports)),
      options_(options) {}

Result<PurgeCounts> RetentionPurge::Run(const std::atomic<bool>* cancel) {
  PurgeCounts counts;
  counts.day = UtcDay(clock_.NowUnixSeconds());
  RetentionPolicy policy;
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait([this, &policy](store::Database& db) -> Status {
    auto loaded = LoadRetentionPolicy(db, kinds_);
    if (!loaded.ok()) return loaded.status();
    policy = std::move(*loaded);
    return Status::Ok();
  }));
  PB_RETURN_IF_ERROR(PurgeReports(policy, counts.day, cancel, counts));
  PB_RETURN_IF_ERROR(PurgeCases(policy, counts.day, cancel, counts));
  PB_RETURN_IF_ERROR(PurgeBundles(policy, counts.day, cancel, counts));
  PB_RETURN_IF_ERROR(Finish(counts));
  return counts;
}

Status RetentionPurge::PurgeReports(const RetentionPolicy& policy, const std::string& today,
                                    const std::atomic<bool>* cancel, PurgeCounts& counts) {
  std::vector<ReportBatch> batches;
  for (const KindRetention& kind : policy.kinds) {
    batches.push_back({kind.kind, ReportRule::kClosed, AddDays(today, -kind.delete_closed_after_days),
                       options_.batch_size});
    if (kind.delete_any_after_days.has_value()) {
      batches.push_back({kind.kind, ReportRule::kMaxAge, AddDays(today, -*kind.delete_any_after_days),
                         options_.batch_size});
    }
  }
  for (const ReportBatch& batch : batches) {
    for (;;) {
      if (Cancelled(cancel)) return Interrupted();
      std::vector<std::string> deleted;
      PB_RETURN_IF_ERROR(writer_.SubmitAndWait([this, &batch, &deleted](store::Database& db) {
        deleted.clear();  // a retried op starts over
        return DeleteReportBatch(db, audit_key_, clock_, batch, deleted);
      }));
      counts.reports += static_cast<int64_t>(deleted.size());
      Metrics::Global().Increment("pillarbox_purged_reports_total", "Reports deleted by the retention purge.",
                                  static_cast<int64_t>(deleted.size()));
      if (on_reports_ && !deleted.empty()) on_reports_(deleted);
      if (static_cast<int64_t>(deleted.size()) < batch.limit) break;
    }
  }
  return Status::Ok();
}

Status RetentionPurge::PurgeCases(const RetentionPolicy& policy, const std::string& today,
                                  const std::atomic<bool>* cancel, PurgeCounts& counts) {
  const std::string cutoff = AddDays(today, -policy.delete_closed_cases_after_days);
  for (;;) {
    if (Cancelled(cancel)) return Interrupted();
    int64_t cases = 0;
    int64_t bundles = 0;
    PB_RETURN_IF_ERROR(writer_.SubmitAndWait([this, &cutoff, &cases, &bundles](store::Database& db) {
      cases = bundles = 0;
      return DeleteCaseBatch(db, audit_key_, clock_, cutoff, options_.batch_size, cases, bundles);
    }));
    counts.cases += cases;
    counts.bundles += bundles;
    Metrics::Global().Increment("pillarbox_purged_cases_total", "Cases deleted by the retention purge.", cases);
    Metrics::Global().Increment("pillarbox_purged_bundles_total", "Evidence bundles deleted by the retention purge.",
                                bundles);
    if (cases < options_.batch_size) return Status::Ok();
  }
}

Status RetentionPurge::PurgeBundles(const RetentionPolicy& policy, const std::string& today,
                                    const std::atomic<bool>* cancel, PurgeCounts& counts) {
  const std::string cutoff = AddDays(today, -policy.delete_bundles_after_days);
  for (;;) {
    if (Cancelled(cancel)) return Interrupted();
    int64_t bundles = 0;
    PB_RETURN_IF_ERROR(writer_.SubmitAndWait([this, &cutoff, &bundles](store::Database& db) {
      bundles = 0;
      return DeleteBundleBatch(db, audit_key_, clock_, cutoff, options_.batch_size, bundles);
    }));
    counts.bundles += bundles;
    Metrics::Global().Increment("pillarbox_purged_bundles_total", "Evidence bundles deleted by the retention purge.",
                                bundles);
    if (bundles < options_.batch_size) return Status::Ok();
  }
}

Status RetentionPurge::Finish(const PurgeCounts& counts) {
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait(
      [this, &counts](store::Database& db) { return RecordFinish(db, audit_key_, clock_, counts); }));
  if (truncate_wal_) {
    const Status truncated = truncate_wal_();
    if (!truncated.ok()) spdlog::warn("retention purge: WAL truncation deferred: {}", truncated.ToString());
  }
  spdlog::info("retention purge day={} reports={} cases={} bundles={}", counts.day, counts.reports, counts.cases,
               counts.bundles);
  return Status::Ok();
}

}  // namespace pillarbox::cases
