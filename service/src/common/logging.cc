#include "common/logging.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <memory>
#include <string>

#include "common/metrics.h"

namespace pillarbox {
namespace {

// In JSON mode a payload starting with this byte is already JSON members
// ("event":"request",...); any other payload becomes "message":"<escaped>".
constexpr char kJsonMembersMark = '\x1e';

std::atomic<bool> json_logs{false};

void AppendJsonEscaped(std::string_view text, spdlog::memory_buf_t& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (const char c : text) {
    switch (c) {
      case '"': out.append(std::string_view("\\\"")); break;
      case '\\': out.append(std::string_view("\\\\")); break;
      case '\n': out.append(std::string_view("\\n")); break;
      case '\r': out.append(std::string_view("\\r")); break;
      case '\t': out.append(std::string_view("\\t")); break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          const char escaped[] = {'\\', 'u', '0', '0', kHex[(c >> 4) & 0xf], kHex[c & 0xf]};
          out.append(escaped, escaped + sizeof escaped);
        } else {
          out.push_back(c);
        }
    }
  }
}

// The %* flag of the JSON pattern: the event's members.
class JsonPayload final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& message, const std::tm&, spdlog::memory_buf_t& out) override {
    const std::string_view payload(message.payload.data(), message.payload.size());
    if (!payload.empty() && payload.front() == kJsonMembersMark) {
      out.append(payload.substr(1));
      return;
    }
    out.append(std::string_view("\"message\":\""));
    AppendJsonEscaped(payload, out);
    out.push_back('"');
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<JsonPayload>(); }
};

}  // namespace

void ConfigureLogging(std::string_view level, LogFormat format) {
  spdlog::drop("pillarbox");  // configuring again (the CLI first, then serve) replaces it
  auto logger = spdlog::stderr_logger_mt("pillarbox");
  if (format == LogFormat::kJson) {
    auto formatter = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
    formatter->add_flag<JsonPayload>('*').set_pattern(R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%*})");
    logger->set_formatter(std::move(formatter));
  } else {
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  }
  json_logs = format == LogFormat::kJson;
  spdlog::level::level_enum parsed = spdlog::level::from_str(std::string(level));
  if (parsed == spdlog::level::off) parsed = spdlog::level::info;
  logger->set_level(parsed);
  spdlog::set_default_logger(logger);
}

void LogRequest(std::string_view route, int http_status, std::chrono::steady_clock::time_point started) {
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
  Metrics::Global().RecordRequest(route, http_status, std::chrono::microseconds(micros));
  if (json_logs) {
    // Route templates are code constants: no character needs escaping.
    spdlog::info("{}\"event\":\"request\",\"route\":\"{}\",\"status\":{},\"latency_us\":{}", kJsonMembersMark, route,
                 http_status, micros);
  } else {
    spdlog::info("request route=\"{}\" status={} latency_us={}", route, http_status, micros);
  }
}

}  // namespace pillarbox
