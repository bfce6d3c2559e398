// The fault loop, after SQLite's I/O-error and OOM loops: for N = 1, 2, ...
// prepare fresh inputs, arm "fail the Nth call of kind K" (transient or
// persistent), run the operation, disarm, and check what it left: an error
// that maps to a 5xx (or success), all of the operation or none of it, a
// sound database (integrity_check, audit chain), no plaintext canary on disk,
// and a retry that succeeds. Stops at the first N the operation completes
// without reaching (the fault was never injected).
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "fault_plan.h"
#include "fault_test_bed.h"

namespace pillarbox::testing {

// One operation under test. The loop calls Prepare, then Attempt with the
// fault armed, then (faults off) CheckAllOrNothing and Retry.
class FaultTrial {
 public:
  virtual ~FaultTrial() = default;
  // Fresh inputs for one attempt (faults off); gtest assertions.
  virtual void Prepare() = 0;
  // The operation itself, as the service runs it.
  virtual Status Attempt() = 0;
  // Faults off, after Attempt returned `status`: asserts that the stored
  // state is the state before or the whole operation (OK requires the whole).
  virtual void CheckAllOrNothing(const Status& status) = 0;
  // Faults off: repeats the operation when it did not take effect (it must
  // succeed now) and asserts that its whole effect is stored.
  virtual void Retry() = 0;
};

struct LoopTally {
  int64_t iterations = 0;        // values of N tried
  int64_t injected = 0;          // faults returned in all
  int64_t errors = 0;            // attempts that answered an error (all 5xx)
  int64_t survived = 0;          // attempts that succeeded although a fault was injected
  int64_t calls_to_complete = 0; // calls of the kind a fault-free attempt makes
};

// Which N to try: every N up to `dense_until`, then every `stride`th.
struct LoopSampling {
  int64_t dense_until = 200;
  int64_t stride = 10;
};

// Runs the loop for `kind` and `mode` on `trial` and prints one line
// "[fault-loop] <name> <kind> <mode>: ..." with the tally. Stops early at
// the first iteration with a failed assertion.
LoopTally RunFaultLoop(const std::string& name, FaultTestBed& bed, FaultTrial& trial, FaultKind kind,
                       FaultMode mode, LoopSampling sampling = {});

}  // namespace pillarbox::testing
