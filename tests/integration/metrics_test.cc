// GET /metrics on the real binary: requests, commit batches and queue gauges
// are counted, and nothing from a request's content or origin appears.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "report_payloads.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

TEST(MetricsTest, CountsRequestsAndCommitsWithoutAnyContent) {
  ServiceProcess service;
  ASSERT_TRUE(service.Start());
  HttpClient client(service.port());
  const auto questionnaire = nlohmann::json::parse(client.Get("/api/v1/questionnaires/workplace_ai_harm").body);
  std::vector<std::string> canaries;
  for (int i = 0; i < 3; ++i) {
    const auto report = BuildReport(questionnaire, "METRICS-CANARY-" + std::to_string(i), &canaries);
    ASSERT_EQ(client.Request("POST", "/api/v1/reports", report.dump(), "application/json",
                             {{"User-Agent", "MetricsCanaryAgent/1.0"}, {"X-Forwarded-For", "203.0.113.9"}})
                  .status,
              201);
  }
  ASSERT_EQ(client.Get("/api/v1/reports/" + std::string(32, 'a')).status, 401);

  const HttpResponse metrics = client.Get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  const std::string& text = metrics.body;
  EXPECT_NE(text.find(R"(pillarbox_http_request_duration_seconds_count{route="POST /api/v1/reports",status="201"} 3)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(R"(status="401"})"), std::string::npos) << text;
  EXPECT_NE(text.find("pillarbox_commit_batch_size_count "), std::string::npos);
  EXPECT_EQ(text.find("pillarbox_commit_batch_size_count 0\n"), std::string::npos) << "the reports were committed";
  for (const char* gauge : {"pillarbox_commit_queue_depth ", "pillarbox_worker_queue_depth ",
                            "pillarbox_login_queue_depth ", "pillarbox_staff_sessions "}) {
    EXPECT_NE(text.find(gauge), std::string::npos) << gauge;
  }
  for (const std::string& canary : canaries) EXPECT_EQ(text.find(canary), std::string::npos) << canary;
  const std::vector<std::string> identifying_values = {"MetricsCanaryAgent", "203.0.113.9", "127.0.0.1",
                                                       std::string(32, 'a')};
  for (const std::string& identifying : identifying_values) {
    EXPECT_EQ(text.find(identifying), std::string::npos) << identifying;
  }
}

}  // namespace
}  // namespace pillarbox::testing
