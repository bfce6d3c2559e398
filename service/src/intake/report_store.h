// ReportStore: where the intake path puts sealed reports. Implemented by
// store/sqlite_report_store.h; tests/support has fakes that fail on demand.
#pragma once

#include <functional>

#include "common/status.h"
#include "intake/report.h"

namespace pillarbox::intake {

class ReportStore {
 public:
  using Completion = std::function<void(Status)>;
  virtual ~ReportStore() = default;

  // Queues `report` for durable storage. Returns ResourceExhausted when the
  // store is saturated and Unavailable when it is shutting down; then `done` is
  // never called and nothing is stored. Otherwise returns OK and calls `done`
  // exactly once, from any thread, with OK only after the report is durably
  // committed, or with an error after nothing of it was stored.
  // Thread-safe.
  virtual Status Insert(SealedReport report, Completion done) = 0;
};

}  // namespace pillarbox::intake
