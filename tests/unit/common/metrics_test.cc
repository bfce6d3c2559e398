// Metrics: the Prometheus text a scraper reads, built from what was recorded.
#include "common/metrics.h"

#include <gtest/gtest.h>

#include <string>

namespace pillarbox {
namespace {

bool Has(const std::string& text, const std::string& line) { return text.find(line + "\n") != std::string::npos; }

TEST(MetricsTest, RequestsAreCountedPerRouteAndStatusWithCumulativeBuckets) {
  Metrics metrics;
  metrics.RecordRequest("GET /api/v1/reports/:id", 200, std::chrono::microseconds(3000));   // 3 ms
  metrics.RecordRequest("GET /api/v1/reports/:id", 200, std::chrono::microseconds(40000));  // 40 ms
  metrics.RecordRequest("GET /api/v1/reports/:id", 404, std::chrono::microseconds(500));
  const std::string text = metrics.RenderPrometheus();
  const std::string ok = R"(pillarbox_http_request_duration_seconds_bucket{route="GET /api/v1/reports/:id",status="200",)";
  EXPECT_TRUE(Has(text, ok + R"(le="0.0025"} 0)")) << text;
  EXPECT_TRUE(Has(text, ok + R"(le="0.005"} 1)")) << text;
  EXPECT_TRUE(Has(text, ok + R"(le="0.05"} 2)")) << text;
  EXPECT_TRUE(Has(text, ok + R"(le="+Inf"} 2)")) << text;
  EXPECT_TRUE(Has(text, R"(pillarbox_http_request_duration_seconds_count{route="GET /api/v1/reports/:id",status="200"} 2)"));
  EXPECT_TRUE(Has(text, R"(pillarbox_http_request_duration_seconds_count{route="GET /api/v1/reports/:id",status="404"} 1)"));
  EXPECT_TRUE(Has(text, "# TYPE pillarbox_http_request_duration_seconds histogram"));
}

TEST(MetricsTest, CommitBatchesCountersAndGauges) {
  Metrics metrics;
  metrics.RecordCommitBatch(1);
  metrics.RecordCommitBatch(100);
  metrics.Increment("pillarbox_reports_purged_total", "Reports purged.", 3);
  metrics.Increment("pillarbox_reports_purged_total", "Reports purged.");
  int depth = 7;
  metrics.SetGauge("pillarbox_commit_queue_depth", "Writes waiting.", [&depth] { return depth; });
  std::string text = metrics.RenderPrometheus();
  EXPECT_TRUE(Has(text, R"(pillarbox_commit_batch_size_bucket{le="1"} 1)")) << text;
  EXPECT_TRUE(Has(text, R"(pillarbox_commit_batch_size_bucket{le="64"} 1)")) << text;
  EXPECT_TRUE(Has(text, R"(pillarbox_commit_batch_size_bucket{le="128"} 2)")) << text;
  EXPECT_TRUE(Has(text, "pillarbox_commit_batch_size_sum 101")) << text;
  EXPECT_TRUE(Has(text, "pillarbox_reports_purged_total 4")) << text;
  EXPECT_TRUE(Has(text, "pillarbox_commit_queue_depth 7")) << text;
  depth = 2;  // read at render time
  text = metrics.RenderPrometheus();
  EXPECT_TRUE(Has(text, "pillarbox_commit_queue_depth 2")) << text;
  metrics.RemoveGauge("pillarbox_commit_queue_depth");
  EXPECT_EQ(metrics.RenderPrometheus().find("pillarbox_commit_queue_depth"), std::string::npos);
}

TEST(MetricsTest, LabelValuesAreEscaped) {
  Metrics metrics;
  metrics.RecordRequest("GET /a\"b\\c", 200, std::chrono::microseconds(1));
  EXPECT_NE(metrics.RenderPrometheus().find(R"(route="GET /a\"b\\c")"), std::string::npos);
}

}  // namespace
}  // namespace pillarbox
