#include "common/logging.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "common/metrics.h"

namespace pillarbox {

void ConfigureLogging(std::string_view level) {
  spdlog::drop("pillarbox");  // configuring again (the CLI first, then serve) replaces it
  auto logger = spdlog::stderr_logger_mt("pillarbox");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  spdlog::level::level_enum parsed = spdlog::level::from_str(std::string(level));
  if (parsed == spdlog::level::off) parsed = spdlog::level::info;
  logger->set_level(parsed);
  spdlog::set_default_logger(logger);
}

void LogRequest(std::string_view route, int http_status, std::chrono::steady_clock::time_point started) {
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
  Metrics::Global().RecordRequest(route, http_status, std::chrono::microseconds(micros));
  spdlog::info("request route=\"{}\" status={} latency_us={}", route, http_status, micros);
}

}  // namespace pillarbox
