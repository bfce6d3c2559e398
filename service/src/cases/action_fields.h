// Validation of an action's described columns (schema/004 `actions`) before
// they are stored. Pure functions; thread-safe.
#pragma once

#include <cstddef>

#include "common/status.h"
#include "store/action_rows.h"

namespace pillarbox::cases {

inline constexpr size_t kMaxActionNameChars = 200;
inline constexpr size_t kMaxActionOrganizationChars = 200;
inline constexpr size_t kMaxActionJurisdictionChars = 200;

// Checks the described columns of `action` (id, demo and revision are not
// looked at) in this order, returning InvalidArgument naming the first bad
// one: "kind" (one of kActionKinds), "subtype" (one of SubtypesOf(kind)),
// "name" (1..200 characters of one-line text), "organization" and
// "jurisdiction" (0..200), "region" (one of kRegions), "status" (one of
// kActionStatuses), "start_day" and "end_day" ("" or a real YYYY-MM-DD day;
// "end_day" also when it is before start_day). Messages never repeat a value.
Status CheckActionFields(const store::ActionRecord& action);

}  // namespace pillarbox::cases
