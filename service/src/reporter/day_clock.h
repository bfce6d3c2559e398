// DayClock: a Clock that tells only the UTC day (its first second) of the
// clock it wraps. Audit entries of reporter actions (a reply, a deletion) are
// stamped with it, because no exact time of a reporter's action is stored
// anywhere (DESIGN.md principle 1); staff actions keep their exact time.
// Thread-safe when the wrapped clock is.
#pragma once

#include <cstdint>

#include "common/clock.h"

namespace pillarbox::reporter {

class DayClock final : public Clock {
 public:
  // `clock` must outlive this one.
  explicit DayClock(const Clock& clock) : clock_(clock) {}

  // The wrapped clock's time rounded down to 00:00:00 UTC of its day.
  int64_t NowUnixSeconds() const override;

 private:
  const Clock& clock_;
};

}  // namespace pillarbox::reporter
