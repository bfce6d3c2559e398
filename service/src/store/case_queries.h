// The case list: a desk's cases, newest first (creation order), with what a
// list row shows without opening anything but the title. Keyset pagination on
// the creation position. Functions, not a class. Thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/case_rows.h"
#include "store/database.h"

namespace pillarbox::store {

// One row of a case list.
struct CaseListEntry {
  CaseRecord record;
  std::vector<uint8_t> sealed_title;
  int64_t report_count = 0;
};

// At most `limit` cases of `desk_id` created before position `before`
// (CaseRecord::position; pass INT64_MAX for the first page), newest first.
// Only cases with `status` when it is not empty.
Result<std::vector<CaseListEntry>> ListDeskCases(Database& db, std::string_view desk_id, std::string_view status,
                                                 int64_t before, int limit);

}  // namespace pillarbox::store
