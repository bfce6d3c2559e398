// `pillarbox serve`: runs the service on an initialized data folder until
// SIGINT or SIGTERM, then drains: every submission already queued is
// committed and answered before the listener closes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "app/listen_address.h"

namespace pillarbox::app {

struct ServeOptions {
  std::string data_dir;
  std::string secret_file;  // the instance secret's path when not <data_dir>/instance.key
  ListenAddress listen{"127.0.0.1", 8080};
  int http_threads = 2;
  size_t queue_capacity = 4096;  // pending submissions before 503
  size_t max_batch = 256;        // submissions per commit at most
  int64_t submissions_per_minute = 120;  // global intake quota; 0: none
  int64_t submission_burst = 60;         // submissions accepted at once after a quiet spell
  int pow_bits = 0;                      // proof-of-work difficulty for API clients; 0: off
  std::string log_level = "info";
  std::string log_format = "text";  // text or json (one object per line)
  size_t max_file_mib = 30;           // largest evidence file
  int64_t max_files_per_report = 20;  // evidence files of one report at most
  size_t max_staged_mib = 256;        // evidence uploads in progress, all together (memory)
  int64_t stats_threshold = 10;                    // k of the statistics' threshold mechanism, >= 5
  std::string researcher_epsilon_budget = "10";    // each researcher's DP budget (decimal epsilon)
  int64_t session_idle_minutes = 15;  // staff sessions end after this long without a request
  int64_t form_min_seconds = 3;  // reporter pages: a form sent sooner after it was fetched is refused
  int64_t key_reseal_batch = 200;  // desk key rotation: records re-sealed per commit
};

// Returns the process exit code. Prints "pillarbox listening on
// http://HOST:PORT" on stdout once it accepts connections (tests read the port
// from it when asked for port 0).
int RunServe(const ServeOptions& options);

}  // namespace pillarbox::app
