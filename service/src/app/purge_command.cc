#include "app/purge_command.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include "app/instance.h"
#include "app/storage_pipeline.h"
#include "cases/retention_purge.h"
#include "common/clock.h"

namespace pillarbox::app {
namespace {

Result<cases::PurgeCounts> Purge(const PurgeOptions& options) {
  PB_ASSIGN_OR_RETURN(auto instance, OpenInstance(options.data_dir, options.secret_file));
  PB_ASSIGN_OR_RETURN(auto storage,
                      StoragePipeline::Start(std::move(instance.database), instance.layout.database(), {}));
  SystemClock clock;
  StoragePipeline* pipeline = storage.get();
  cases::RetentionPurge purge(storage->writer(), instance.keys->audit_key(), clock, instance.catalog->Kinds(),
                              [pipeline] { return pipeline->TruncateWal(); }, {}, {});
  auto counts = purge.Run();
  storage->Drain();  // commits everything and truncates the WAL once more
  return counts;
}

}  // namespace

int RunPurge(const PurgeOptions& options) {
  const auto counts = Purge(options);
  if (!counts.ok()) {
    std::cerr << "pillarbox purge: " << counts.status().message() << "\n";
    return 1;
  }
  if (options.json_output) {
    const nlohmann::json out = {
        {"day", counts->day}, {"reports", counts->reports}, {"cases", counts->cases}, {"bundles", counts->bundles}};
    std::cout << out.dump(2) << std::endl;
  } else {
    std::cout << "purged day=" << counts->day << " reports=" << counts->reports << " cases=" << counts->cases
              << " bundles=" << counts->bundles << std::endl;
  }
  return 0;
}

}  // namespace pillarbox::app
