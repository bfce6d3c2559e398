// Process-wide operational metrics, rendered for GET /metrics in the
// Prometheus text format (version 0.0.4). Labels are closed sets chosen by
// the code (route templates, HTTP status codes, metric names), never a
// value from a request: no metric can identify a reporter, a report or a
// staff member. Thread-safe: every member may be called from any thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pillarbox {

class Metrics {
 public:
  // The process's registry (created on first use, never destroyed).
  static Metrics& Global();

  // Counts one finished request of `route` (a template such as
  // "GET /api/v1/reports/:id") answered with `http_status`, and its latency
  // in the histogram pillarbox_http_request_duration_seconds.
  void RecordRequest(std::string_view route, int http_status, std::chrono::microseconds latency);

  // Counts one committed (or failed) group-commit transaction of
  // `operations` operations, in the histogram pillarbox_commit_batch_size.
  void RecordCommitBatch(size_t operations);

  // Adds `by` to the counter `name` (a constant such as
  // "pillarbox_reports_purged_total"; created at 0 with `help` on first use).
  void Increment(std::string_view name, std::string_view help, int64_t by = 1);

  // Registers a gauge read when /metrics is rendered (queue depths). `read`
  // must stay callable until RemoveGauge(name) or the end of the process.
  // Registering a name again replaces its reader.
  void SetGauge(std::string name, std::string help, std::function<double()> read);

  // Unregisters the gauge `name` (a service shutting down); unknown names are ignored.
  void RemoveGauge(std::string_view name);

  // The whole registry in the Prometheus text format, metric names sorted.
  std::string RenderPrometheus() const;

 private:
  struct Histogram {
    std::vector<uint64_t> buckets;  // cumulative at render time; per-bucket here
    uint64_t count = 0;
    double sum = 0;
  };
  struct Counter {
    std::string help;
    int64_t value = 0;
  };
  struct Gauge {
    std::string help;
    std::function<double()> read;
  };

  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, Histogram> requests_;  // (route, status)
  Histogram commit_batches_;
  std::map<std::string, Counter, std::less<>> counters_;
  std::map<std::string, Gauge, std::less<>> gauges_;
};

}  // namespace pillarbox
