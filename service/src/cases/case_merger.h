// CaseMerger: merging one case into another of the same desk. The source's
// report, tag, pillar and action links move to the target; its notes move
// too, each re-sealed under the target's data key (so the target's notes list
// shows them with their original authors and times); the source becomes
// 'merged' with merged_into set and keeps nothing; both timelines and the
// audit log record it. All of that is one write. Notes are re-sealed before
// the write; if the source changed in between (revision), the merge is
// prepared again (up to three times).
// Thread-safe; blocks for reads and one commit (worker threads).
#pragma once

#include <cstdint>
#include <string_view>

#include "accounts/session_store.h"
#include "cases/case_environment.h"
#include "common/status.h"

namespace pillarbox::cases {

struct MergeOutcome {
  int64_t target_revision = 0;
  int64_t reports_moved = 0;  // report links the target gained
};

class CaseMerger {
 public:
  explicit CaseMerger(const CaseEnvironment& environment) : env_(environment) {}

  // Merges case `source_id` into case `into_id`. NotFound when the source is
  // not visible to `session`; PermissionDenied for partners and researchers;
  // InvalidArgument naming "into" when the target is malformed, not visible
  // or on another desk; Conflict when merging a case into itself, or when
  // either case is already merged, or when the source keeps changing.
  Result<MergeOutcome> Merge(const accounts::Session& session, std::string_view source_id, std::string_view into_id);

 private:
  const CaseEnvironment env_;
};

}  // namespace pillarbox::cases
