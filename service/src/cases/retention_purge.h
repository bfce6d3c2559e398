// RetentionPurge: one run of the retention policy (cases/retention_policy.h
// states the rules): crypto-shreds every due report, case and evidence
// bundle, then truncates the WAL so the deleted pages leave it too.
//
// Everything goes through the group-commit writer in batches of at most
// Options::batch_size objects per op, so intake waits for one batch at most.
// Each op lists the due objects itself (the protection rules are part of the
// query, so a hold or a reopening committed just before is honoured) and
// deletes them: reports with store::DeleteReport (fields, blind indexes,
// evidence and its chunks, notes, messages, labels, redactions, case links),
// cases with their rows and bundles, bundles with their chunks. Each deleted
// object gets an audit entry "retention.purged" with its id only (detail:
// kind=... for reports, bundles=N for cases). The last op records the counts
// (retention.last_purge) with an audit entry "retention.purge.finished".
// Counts go to /metrics as pillarbox_purged_{reports,cases,bundles}_total.
//
// Thread-safe as long as one Run() at a time (the scheduler and the CLI each
// own their purge; two purges at once would only find less to do).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cases/retention_policy.h"
#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/group_commit_writer.h"

namespace pillarbox::cases {

class RetentionPurge {
 public:
  struct Options {
    int64_t batch_size = 200;  // objects deleted per write op at most
  };
  // Called after each committed batch with the ids of the reports it deleted
  // (e.g. to drop their staged uploads and reporter sessions). Must be quick.
  using ReportsPurged = std::function<void(const std::vector<std::string>& report_ids)>;
  // Truncates the WAL (a TRUNCATE checkpoint) after the last batch.
  using WalTruncate = std::function<Status()>;

  // `kinds` are the instance's report kinds (the questionnaires). The
  // references must outlive the purge. `on_reports` may be empty.
  RetentionPurge(store::GroupCommitWriter& writer, const privacy::SecretKey& audit_key, const Clock& clock,
                 std::vector<std::string> kinds, WalTruncate truncate_wal, ReportsPurged on_reports, Options options);

  // Runs one purge as of the clock's UTC day and returns what it removed.
  // Stops between batches when `*cancel` becomes true: Unavailable then, and
  // no last purge is recorded. The writer's errors otherwise (a failed batch
  // stops the purge; what committed before stays purged). A failed WAL
  // truncation (e.g. a long reader) is logged, not returned: the service's
  // checkpointer truncates at shutdown.
  Result<PurgeCounts> Run(const std::atomic<bool>* cancel = nullptr);

 private:
  Status PurgeReports(const RetentionPolicy& policy, const std::string& today, const std::atomic<bool>* cancel,
                      PurgeCounts& counts);
  Status PurgeCases(const RetentionPolicy& policy, const std::string& today, const std::atomic<bool>* cancel,
                    PurgeCounts& counts);
  Status PurgeBundles(const RetentionPolicy& policy, const std::string& today, const std::atomic<bool>* cancel,
                      PurgeCounts& counts);
  Status Finish(const PurgeCounts& counts);

  store::GroupCommitWriter& writer_;
  const privacy::SecretKey& audit_key_;
  const Clock& clock_;
  const std::vector<std::string> kinds_;
  const WalTruncate truncate_wal_;
  const ReportsPurged on_reports_;
  const Options options_;
};

}  // namespace pillarbox::cases
