// Tag rows (reviewer-chosen labels shared by every reviewer) and the merge of
// one tag into another. Names are stored in clear (DESIGN.md "What is stored
// in clear"); callers validate them (cases/tag_name.h). Functions, not a
// class: each takes the Database to use. Thread-compatible (as that Database).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

struct TagRecord {
  std::string id;    // 32 random hex digits
  std::string name;  // 1..64 characters, unique ignoring ASCII case
  bool operator==(const TagRecord&) const = default;
};

// How many reports and cases carry one tag.
struct TagLinkCounts {
  int64_t reports = 0;
  int64_t cases = 0;
  bool operator==(const TagLinkCounts&) const = default;
};

// What MergeTag moved: the links the merged tag had (some may have collapsed
// into links the surviving tag already had).
struct TagMergeCounts {
  int64_t report_links = 0;
  int64_t case_links = 0;
};

// Inserts `tag`. Conflict when the id is taken or another tag has the same
// name ignoring ASCII case; Unavailable on an I/O error.
Status InsertTag(Database& db, const TagRecord& tag);

// The tag `id`, or nullopt when there is none.
Result<std::optional<TagRecord>> FindTag(Database& db, std::string_view id);

// Every tag, ordered by name ignoring ASCII case, then id.
Result<std::vector<TagRecord>> ListTags(Database& db);

// Per tag id, how many reports of desk `desk_id` and how many cases of that
// desk carry it. Tags carried by none are absent.
Result<std::map<std::string, TagLinkCounts>> CountTagLinksOfDesk(Database& db, std::string_view desk_id);

// Renames tag `id` to `name`. NotFound when there is no such tag; Conflict
// when another tag has that name ignoring ASCII case.
Status RenameTag(Database& db, std::string_view id, std::string_view name);

// Moves every report_tags and case_tags link of tag `from` to tag `into`
// (a report or case carrying both keeps one link), then deletes `from`. All
// or nothing (one savepoint). NotFound when either tag does not exist;
// InvalidArgument (field "into") when they are the same tag.
Result<TagMergeCounts> MergeTag(Database& db, std::string_view from, std::string_view into);

}  // namespace pillarbox::store
