#include "app/service_gauges.h"

#include "accounts/session_store.h"
#include "common/metrics.h"
#include "common/worker_pool.h"

namespace pillarbox::app {

void RegisterServiceGauges(store::GroupCommitWriter& writer, const http::RouteContext& context) {
  Metrics& metrics = Metrics::Global();
  metrics.SetGauge("pillarbox_commit_queue_depth", "Writes waiting for the group-commit writer.",
                   [&writer] { return static_cast<double>(writer.QueueDepth()); });
  if (context.workers != nullptr) {
    metrics.SetGauge("pillarbox_worker_queue_depth", "Requests waiting for a worker (reads, decryption, audit).",
                     [pool = context.workers] { return static_cast<double>(pool->QueueDepth()); });
  }
  if (context.login_workers != nullptr) {
    metrics.SetGauge("pillarbox_login_queue_depth", "Sign-ins waiting for their Argon2id run.",
                     [pool = context.login_workers] { return static_cast<double>(pool->QueueDepth()); });
  }
  if (context.sessions != nullptr) {
    metrics.SetGauge("pillarbox_staff_sessions", "Staff sessions held in memory (expired ones until purged).",
                     [sessions = context.sessions] { return static_cast<double>(sessions->size()); });
  }
}

void UnregisterServiceGauges() {
  for (const char* name : {"pillarbox_commit_queue_depth", "pillarbox_worker_queue_depth",
                           "pillarbox_login_queue_depth", "pillarbox_staff_sessions"}) {
    Metrics::Global().RemoveGauge(name);
  }
}

}  // namespace pillarbox::app
