#include "app/storage_pipeline.h"

#include <spdlog/spdlog.h>

namespace pillarbox::app {

StoragePipeline::StoragePipeline(std::unique_ptr<store::Database> writer_db,
                                 std::unique_ptr<store::Database> checkpoint_db, const Options& options)
    : writer_(std::move(writer_db), {.queue_capacity = options.queue_capacity, .max_batch = options.max_batch}),
      checkpointer_(std::move(checkpoint_db), options.checkpoint_interval),
      report_store_(writer_) {}

Result<std::unique_ptr<StoragePipeline>> StoragePipeline::Start(std::unique_ptr<store::Database> writer_db,
                                                                 const std::string& database_path,
                                                                 const Options& options) {
  PB_RETURN_IF_ERROR(writer_db->DisableAutoCheckpoint());
  PB_ASSIGN_OR_RETURN(auto checkpoint_db, store::Database::Open(database_path, store::OpenMode::kReadWrite));
  return std::unique_ptr<StoragePipeline>(new StoragePipeline(std::move(writer_db), std::move(checkpoint_db), options));
}

void StoragePipeline::Drain() {
  writer_.Stop();
  if (Status status = checkpointer_.Stop(); !status.ok()) {
    spdlog::warn("final checkpoint failed: {}", status.ToString());
  }
}

}  // namespace pillarbox::app
