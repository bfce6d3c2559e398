// CaseReader: what a signed-in reviewer sees of the cases of their desks.
// The list decrypts only titles (one data key per case) and needs no audit
// entry; opening a case decrypts its title and summary and is audited
// ("case.viewed") before anything is returned. Reports of a case that sit
// on desks the caller is not a member of are counted, never named. A case
// outside the caller's desks is NotFound, like one that does not exist;
// partners and researchers get PermissionDenied.
// Thread-safe; Open blocks for one audit commit (use a worker thread).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/session_store.h"
#include "cases/case_environment.h"
#include "common/status.h"
#include "store/case_events.h"
#include "store/case_links.h"
#include "store/case_rows.h"

namespace pillarbox::cases {

inline constexpr int kMaxCasePage = 100;

// One row of the case list.
struct CaseListItem {
  store::CaseRecord record;
  std::string title;  // decrypted
  int64_t report_count = 0;
  std::vector<store::TagEntry> tags;
  std::vector<std::string> pillars;
};

struct CasePage {
  std::vector<CaseListItem> cases;  // newest first
  std::string next_cursor;          // "" on the last page
};

// An opened case.
struct CaseView {
  store::CaseRecord record;
  std::string title;    // decrypted
  std::string summary;  // decrypted
  std::vector<store::CaseReportEntry> reports;  // those on the caller's desks, newest first
  int64_t hidden_report_count = 0;              // those on other desks
  std::vector<store::TagEntry> tags;
  std::vector<std::string> pillars;
  std::vector<std::string> action_ids;
  std::vector<store::CaseEventRecord> timeline;  // oldest first
};

class CaseReader {
 public:
  explicit CaseReader(const CaseEnvironment& environment) : env_(environment) {}

  // Up to `limit` (1..kMaxCasePage) cases of the session's desks, newest
  // first, with `status` ("" for any, else open, closed or merged), after
  // `cursor` (a next_cursor of an earlier page; "" for the first).
  // InvalidArgument naming "status", "limit" or "after"; PermissionDenied
  // for partners and researchers; DataLoss when a title fails to decrypt.
  Result<CasePage> List(const accounts::Session& session, std::string_view status, int limit,
                        std::string_view cursor);

  // Case `case_id`, decrypted, with its links and timeline (audited).
  // NotFound when it is not visible; DataLoss when it fails to decrypt.
  Result<CaseView> Open(const accounts::Session& session, std::string_view case_id);

 private:
  const CaseEnvironment env_;
};

}  // namespace pillarbox::cases
