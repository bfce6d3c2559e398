// FaultPlan: which SQLite call fails next in this test process. The VFS shim
// (fault_vfs.h) asks it before every xWrite and xSync, the allocator wrapper
// (fault_malloc.h) before every allocation SQLite makes. A plan says "fail the
// Nth call of kind K, once (transient) or that call and every later one
// (persistent)"; calls are counted from Arm(). Modelled on SQLite's own
// I/O-error and out-of-memory loops (test/malloc_common.tcl, test_devsym.c).
//
// Thread-safe (atomics): the hooks run on whichever thread SQLite runs on.
#pragma once

#include <atomic>
#include <cstdint>

namespace pillarbox::testing {

enum class FaultKind {
  kWrite,  // xWrite answers SQLITE_IOERR_WRITE
  kFull,   // xWrite answers SQLITE_FULL (the disk is full)
  kSync,   // xSync answers SQLITE_IOERR_FSYNC
  kAlloc,  // an allocation of SQLite's returns null (SQLITE_NOMEM)
};

enum class FaultMode {
  kTransient,   // only the Nth call fails
  kPersistent,  // the Nth call and every later one fail until Disarm()
};

// "write", "full", "sync", "alloc" / "transient", "persistent" (for logs).
const char* FaultKindName(FaultKind kind);
const char* FaultModeName(FaultMode mode);

class FaultPlan {
 public:
  // The process-wide plan the hooks consult.
  static FaultPlan& Global();

  // From now on, the `nth` (1-based) call of `kind` fails, and with
  // kPersistent every later one too. Resets the counters.
  void Arm(FaultKind kind, int64_t nth, FaultMode mode);
  // No call fails any more; the counters keep their values.
  void Disarm();

  // Called by the hooks: counts a call of `kind` and says whether it fails.
  // A kFull plan counts (and fails) xWrite calls, like kWrite.
  bool ShouldFail(FaultKind kind);

  // Faults returned since Arm().
  int64_t injected() const { return injected_.load(); }
  // Calls of the armed kind seen since Arm() (writes for kWrite and kFull).
  int64_t calls() const { return calls_.load(); }
  // True when the armed plan is kFull (a failed write reports a full disk).
  bool full() const { return full_.load(); }

 private:
  std::atomic<bool> armed_{false};
  std::atomic<int> kind_{0};
  std::atomic<bool> persistent_{false};
  std::atomic<bool> full_{false};
  std::atomic<int64_t> nth_{0};
  std::atomic<int64_t> calls_{0};
  std::atomic<int64_t> injected_{0};
};

}  // namespace pillarbox::testing
