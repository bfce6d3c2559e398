// SqliteReportStore: the ReportStore of the intake path, backed by SQLite
// through the GroupCommitWriter, so that concurrent reports share commits.
// Thread-safe (Insert may be called from any thread).
#pragma once

#include "intake/report_store.h"
#include "store/group_commit_writer.h"

namespace pillarbox::store {

class SqliteReportStore final : public intake::ReportStore {
 public:
  // `writer` must outlive this store.
  explicit SqliteReportStore(GroupCommitWriter& writer) : writer_(writer) {}

  // Queues the rows of `report` (see InsertSealedReport) on the writer. The
  // outcome follows intake::ReportStore::Insert; `done` runs on the writer
  // thread, after the batch holding the report is committed or rolled back.
  Status Insert(intake::SealedReport report, Completion done) override;

 private:
  GroupCommitWriter& writer_;
};

}  // namespace pillarbox::store
