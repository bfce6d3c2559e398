// The crash campaign's checks after each kill. Offline (server down): the
// database passes PRAGMA integrity_check, `pillarbox audit verify` passes, no
// report is half-present (both data keys and every sealed field of its kind),
// the report count lies between the acknowledged submissions and those plus
// the ones cut off by kills, each newly acknowledged receipt opens its report
// from the files with every sealed answer equal to what was sent, and the
// tables show exactly the reviewer's acknowledged edits (the edit in flight
// at the kill either whole or absent). Online (server up): the new receipts
// sign in through the reporter API and show their answers; with a reviewer
// token, each newly stored report opens with every answer equal to one sent
// submission that was not refused, and every object the reviewer changed
// since the last look reads back (notes and case titles decrypted) as the
// model says. Failures go to the ledger. Not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "crash_ledger.h"

namespace pillarbox::testing {

struct CrashCounters {
  int64_t receipts_opened_offline = 0;  // acknowledged receipts opened from the files
  int64_t receipts_signed_in = 0;       // acknowledged receipts signed in through the API
  int64_t reports_opened = 0;           // stored reports opened as a reviewer
  int64_t unacknowledged_stored = 0;    // of those, cut off by a kill yet stored whole
  int64_t objects_compared = 0;         // reviewer-changed reports and cases read back
  int64_t edits_cut_applied = 0;        // edits in flight at a kill found applied
  int64_t edits_cut_absent = 0;         // ... found absent
};

class CrashChecker {
 public:
  // `questionnaires` by kind, as served.
  CrashChecker(std::string data_dir, std::map<std::string, nlohmann::json> questionnaires, CrashLedger& ledger);

  // With the server down (after a kill, before the restart).
  void CheckOffline();
  // With the server up on `port`; `token` "" skips the reviewer part (it is
  // done at the next call with a token).
  void CheckOnline(uint16_t port, const std::string& token);
  // Makes the next checks cover every receipt and every report or case the
  // reviewer changed again (the final pass).
  void CoverEverything();

  const CrashCounters& counters() const { return counters_; }

 private:
  void CheckStoredReports();
  void CheckReceiptsOffline();
  void CheckModelAgainstTables();
  void SignInReceipts(uint16_t port);
  void OpenNewReports(uint16_t port, const std::string& token);
  void CompareChangedObjects(uint16_t port, const std::string& token);

  std::string data_dir_;
  std::map<std::string, nlohmann::json> questionnaires_;
  CrashLedger& ledger_;
  CrashCounters counters_;
  size_t receipts_offline_done_ = 0;
  size_t receipts_online_done_ = 0;
  std::set<std::string> stored_report_ids_;            // as of the last offline check
  std::set<std::string> matched_canaries_;             // submissions found stored
  std::map<std::string, ReportModel> reports_seen_;    // model as last read back
  std::map<std::string, CaseModel> cases_seen_;
};

}  // namespace pillarbox::testing
