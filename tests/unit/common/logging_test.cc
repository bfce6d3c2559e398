// ConfigureLogging(..., kJson): every line one JSON object; request lines
// carry their fields as members, other messages are escaped into "message".
#include "common/logging.h"

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace pillarbox {
namespace {

std::vector<nlohmann::json> ParseLines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));  // throws if not JSON
  return lines;
}

TEST(LoggingTest, JsonFormatWritesOneObjectPerLine) {
  ::testing::internal::CaptureStderr();
  ConfigureLogging("info", LogFormat::kJson);
  spdlog::info("a \"quoted\" word, a backslash \\ and a tab\there");
  LogRequest("POST /api/v1/reports", 201, std::chrono::steady_clock::now());
  spdlog::default_logger()->flush();
  const std::string captured = ::testing::internal::GetCapturedStderr();
  ConfigureLogging("info");
  const auto lines = ParseLines(captured);
  ASSERT_EQ(lines.size(), 2u) << captured;
  EXPECT_EQ(lines[0]["level"], "info");
  EXPECT_EQ(lines[0]["message"], "a \"quoted\" word, a backslash \\ and a tab\there");
  EXPECT_TRUE(lines[0]["time"].get<std::string>().ends_with("Z"));
  EXPECT_EQ(lines[1]["event"], "request");
  EXPECT_EQ(lines[1]["route"], "POST /api/v1/reports");
  EXPECT_EQ(lines[1]["status"], 201);
  EXPECT_TRUE(lines[1]["latency_us"].is_number_integer());
}

TEST(LoggingTest, TextFormatKeepsKeyValueLines) {
  ::testing::internal::CaptureStderr();
  ConfigureLogging("info");
  LogRequest("GET /followup", 200, std::chrono::steady_clock::now());
  spdlog::default_logger()->flush();
  const std::string captured = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(captured.find(" info request route=\"GET /followup\" status=200 latency_us="), std::string::npos)
      << captured;
}

}  // namespace
}  // namespace pillarbox
