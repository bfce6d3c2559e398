// The crash campaign's load: client threads submitting reports through the
// JSON API and the no-JavaScript form, and one reviewer thread editing
// (workflow status, pillars, notes, cases and case links), each recording
// in the ledger what it sent and what was acknowledged. The threads end at
// Stop() or as soon as the server stops answering (the kill).
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "crash_ledger.h"

namespace pillarbox::testing {

struct LoadPlan {
  uint16_t port = 0;
  std::string reviewer_token;  // "" runs no reviewer this time
  int submitters = 4;          // even ones post JSON, odd ones the form
  uint64_t seed = 0;
  std::string canary_prefix;   // letters and digits, unique per cycle
  std::map<std::string, nlohmann::json> questionnaires;  // by kind
  std::vector<std::string> pillars;
  std::vector<std::string> desks;
};

class CrashLoad {
 public:
  // Starts the threads.
  CrashLoad(LoadPlan plan, CrashLedger& ledger);
  // Stop()s.
  ~CrashLoad();
  // Asks the threads to end and waits for them.
  void Stop();

 private:
  void Submit(int thread_index);
  void Review();

  LoadPlan plan_;
  CrashLedger& ledger_;
  std::atomic<bool> stop_{false};
  std::vector<std::thread> threads_;
};

// The workflow status a reviewer moves a report in `status` to, with the
// close reason it needs ("" when none).
std::pair<std::string, std::string> NextStatus(const std::string& status);

}  // namespace pillarbox::testing
