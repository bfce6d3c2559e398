// TriageQueue: the reviewers' queue of reports, filtered on the server,
// newest first, one keyset page at a time, and the counts per status. Only
// clear columns are read (no decryption) and only reports of the caller's
// desks are listed. Each filter is served by a walk of one index in
// (received_day DESC, id DESC) order (PlanTriageWalks), so the first page
// costs about `limit` rows whatever the queue holds; several walks (one per
// desk, or per open status for "overdue") are merged in memory.
// Thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/session_store.h"
#include "cases/deadlines.h"
#include "cases/triage_filter.h"
#include "common/clock.h"
#include "common/status.h"
#include "store/reader_pool.h"
#include "store/triage_queries.h"

namespace pillarbox::cases {

inline constexpr int kMaxTriagePage = 100;

// One report in the queue: its row plus its deadlines on the day it was listed.
struct TriageItem {
  store::TriageRow row;
  std::string acknowledge_due_day;
  std::string feedback_due_day;
  bool overdue = false;
};

// `row` with its due days and overdue flag on `today`.
TriageItem MakeTriageItem(store::TriageRow row, const Deadlines& deadlines, const std::string& today);

struct TriagePage {
  std::vector<TriageItem> reports;  // newest first
  std::string next_cursor;          // "" on the last page
};

// The index walks that serve `filter` for a caller who may see `desks`
// (already narrowed to the desk filter and the kind's desk). Most selective
// first: a tag, a pillar, an assignee, overdue (one walk per open status,
// or the one status asked for), a status, else one walk per desk. Empty when
// no desk is left. `for_counts` plans per status instead of per desk when no
// other driver applies (the status index alone answers counts by status).
std::vector<store::TriageWalk> PlanTriageWalks(const TriageFilter& filter, const std::vector<std::string>& desks,
                                               bool for_counts);

class TriageQueue {
 public:
  // References must outlive the queue.
  TriageQueue(store::ReaderPool& readers, const Clock& clock, TriageVocabulary vocabulary);

  // Up to `limit` (1..kMaxTriagePage) reports matching `query`, after
  // `cursor` ("" for the first page; otherwise a next_cursor of the same
  // query). PermissionDenied for partners and researchers; InvalidArgument
  // naming the parameter ("limit", "after", or a filter's) when malformed.
  Result<TriagePage> List(const accounts::Session& session, const TriageQuery& query, int limit,
                          std::string_view cursor);

  // The number of reports matching `query` per status (every status, zeros
  // included). InvalidArgument naming "status" when `query` has one; other
  // errors as List.
  Result<std::map<std::string, int64_t>> Counts(const accounts::Session& session, const TriageQuery& query);

 private:
  struct Prepared;
  Result<Prepared> Prepare(const accounts::Session& session, const TriageQuery& query, store::Database& db);

  store::ReaderPool& readers_;
  const Clock& clock_;
  const TriageVocabulary vocabulary_;
};

}  // namespace pillarbox::cases
