// Logging policy: spdlog, to stderr, one line per event. Log lines carry
// route templates, status codes, latencies, counts and internal ids only:
// never a field value, receipt, token, password, network address or user
// agent (docs/ARCHITECTURE.md, "Errors and logs").
#pragma once

#include <chrono>
#include <string_view>

namespace pillarbox {

// How log lines look: "2026-11-22T20:46:12.852Z info request route=..." or
// one JSON object per line ({"time","level","message"}, and for requests
// {"time","level","event":"request","route","status","latency_us"}).
enum class LogFormat { kText, kJson };

// Sets up the default logger ("info", "debug", "warn", "error"). Unknown
// levels mean "info". Logs go to stderr. Call at start-up, before other
// threads log; calling again (the CLI, then serve) replaces the logger.
void ConfigureLogging(std::string_view level, LogFormat format = LogFormat::kText);

// Logs one finished request: route template (e.g. "POST /api/v1/reports"),
// HTTP status and latency since `started`, and counts it in Metrics::Global()
// (GET /metrics). Thread-safe.
void LogRequest(std::string_view route, int http_status, std::chrono::steady_clock::time_point started);

}  // namespace pillarbox
