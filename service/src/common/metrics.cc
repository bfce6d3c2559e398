#include "common/metrics.h"

#include <array>
#include <sstream>

namespace pillarbox {
namespace {

// Request latency buckets, seconds.
constexpr std::array<double, 12> kLatencyBounds = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                   0.1,   0.25,   0.5,   1.0,  2.5,   10.0};
// Operations per group commit.
constexpr std::array<double, 9> kBatchBounds = {1, 2, 4, 8, 16, 32, 64, 128, 256};

template <size_t N>
void Observe(std::vector<uint64_t>& buckets, const std::array<double, N>& bounds, double value) {
  if (buckets.empty()) buckets.assign(N, 0);
  for (size_t i = 0; i < N; ++i) {
    if (value <= bounds[i]) {
      ++buckets[i];
      return;
    }
  }
}

// Escapes a label value for the text format (backslash, quote, newline).
std::string LabelValue(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

template <size_t N>
void RenderBuckets(std::ostringstream& out, std::string_view name, const std::string& labels,
                   const std::vector<uint64_t>& buckets, const std::array<double, N>& bounds, uint64_t count,
                   double sum) {
  const std::string separator = labels.empty() ? "" : ",";
  uint64_t cumulative = 0;
  for (size_t i = 0; i < N; ++i) {
    cumulative += buckets.empty() ? 0 : buckets[i];
    out << name << "_bucket{" << labels << separator << "le=\"" << bounds[i] << "\"} " << cumulative << "\n";
  }
  out << name << "_bucket{" << labels << separator << "le=\"+Inf\"} " << count << "\n";
  const std::string braces = labels.empty() ? "" : "{" + labels + "}";
  out << name << "_sum" << braces << " " << sum << "\n";
  out << name << "_count" << braces << " " << count << "\n";
}

}  // namespace

Metrics& Metrics::Global() {
  static Metrics* metrics = new Metrics();  // never destroyed: readable until the process ends
  return *metrics;
}

void Metrics::RecordRequest(std::string_view route, int http_status, std::chrono::microseconds latency) {
  const double seconds = static_cast<double>(latency.count()) / 1e6;
  std::lock_guard lock(mutex_);
  Histogram& histogram = requests_[{std::string(route), http_status}];
  Observe(histogram.buckets, kLatencyBounds, seconds);
  ++histogram.count;
  histogram.sum += seconds;
}

void Metrics::RecordCommitBatch(size_t operations) {
  std::lock_guard lock(mutex_);
  Observe(commit_batches_.buckets, kBatchBounds, static_cast<double>(operations));
  ++commit_batches_.count;
  commit_batches_.sum += static_cast<double>(operations);
}

void Metrics::Increment(std::string_view name, std::string_view help, int64_t by) {
  std::lock_guard lock(mutex_);
  auto found = counters_.find(name);
  if (found == counters_.end()) found = counters_.emplace(std::string(name), Counter{std::string(help), 0}).first;
  found->second.value += by;
}

void Metrics::SetGauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mutex_);
  gauges_[std::move(name)] = Gauge{std::move(help), std::move(read)};
}

void Metrics::RemoveGauge(std::string_view name) {
  std::lock_guard lock(mutex_);
  if (auto found = gauges_.find(name); found != gauges_.end()) gauges_.erase(found);
}

std::string Metrics::RenderPrometheus() const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  out << "# HELP pillarbox_commit_batch_size Operations per group-commit transaction.\n"
      << "# TYPE pillarbox_commit_batch_size histogram\n";
  RenderBuckets(out, "pillarbox_commit_batch_size", "", commit_batches_.buckets, kBatchBounds,
                commit_batches_.count, commit_batches_.sum);
  for (const auto& [name, counter] : counters_) {
    out << "# HELP " << name << " " << counter.help << "\n# TYPE " << name << " counter\n"
        << name << " " << counter.value << "\n";
  }
  for (const auto& [name, gauge] : gauges_) {
    out << "# HELP " << name << " " << gauge.help << "\n# TYPE " << name << " gauge\n"
        << name << " " << gauge.read() << "\n";
  }
  out << "# HELP pillarbox_http_request_duration_seconds Requests by route template and status, and their "
         "latency.\n"
      << "# TYPE pillarbox_http_request_duration_seconds histogram\n";
  for (const auto& [key, histogram] : requests_) {
    const std::string labels = "route=\"" + LabelValue(key.first) + "\",status=\"" + std::to_string(key.second) + "\"";
    RenderBuckets(out, "pillarbox_http_request_duration_seconds", labels, histogram.buckets, kLatencyBounds,
                  histogram.count, histogram.sum);
  }
  return out.str();
}

}  // namespace pillarbox
