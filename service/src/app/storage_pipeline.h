// StoragePipeline: the write side of a running instance: the group-commit
// writer on the instance's connection, a WAL checkpointer on a second
// connection, and the report store on top of the writer.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "common/status.h"
#include "store/database.h"
#include "store/group_commit_writer.h"
#include "store/sqlite_report_store.h"
#include "store/wal_checkpointer.h"

namespace pillarbox::app {

class StoragePipeline {
 public:
  struct Options {
    size_t queue_capacity = 4096;
    size_t max_batch = 256;
    std::chrono::milliseconds checkpoint_interval{250};
  };

  // Takes over `writer_db` (automatic checkpoints turned off on it) and opens
  // a second connection to `database_path` for checkpoints.
  static Result<std::unique_ptr<StoragePipeline>> Start(std::unique_ptr<store::Database> writer_db,
                                                        const std::string& database_path, const Options& options);

  intake::ReportStore& report_store() { return report_store_; }
  store::GroupCommitWriter& writer() { return writer_; }

  // Truncates the WAL now (WalCheckpointer::TruncateNow), e.g. after a purge.
  Status TruncateWal() { return checkpointer_.TruncateNow(); }

  // Stops accepting writes, commits and completes everything queued, then
  // checkpoints and truncates the WAL. Idempotent.
  void Drain();

  store::GroupCommitWriter::Stats stats() const { return writer_.GetStats(); }

 private:
  StoragePipeline(std::unique_ptr<store::Database> writer_db, std::unique_ptr<store::Database> checkpoint_db,
                  const Options& options);

  store::GroupCommitWriter writer_;
  store::WalCheckpointer checkpointer_;
  store::SqliteReportStore report_store_;
};

}  // namespace pillarbox::app
