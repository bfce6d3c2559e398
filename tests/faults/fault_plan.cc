#include "fault_plan.h"

namespace pillarbox::testing {

const char* FaultKindName(FaultKind kind) {
  switch (kind) {
    case FaultKind::kWrite: return "write";
    case FaultKind::kFull: return "full";
    case FaultKind::kSync: return "sync";
    case FaultKind::kAlloc: return "alloc";
  }
  return "?";
}

const char* FaultModeName(FaultMode mode) { return mode == FaultMode::kTransient ? "transient" : "persistent"; }

FaultPlan& FaultPlan::Global() {
  static FaultPlan plan;
  return plan;
}

void FaultPlan::Arm(FaultKind kind, int64_t nth, FaultMode mode) {
  armed_.store(false);
  calls_.store(0);
  injected_.store(0);
  kind_.store(static_cast<int>(kind == FaultKind::kFull ? FaultKind::kWrite : kind));
  full_.store(kind == FaultKind::kFull);
  persistent_.store(mode == FaultMode::kPersistent);
  nth_.store(nth);
  armed_.store(true);
}

void FaultPlan::Disarm() { armed_.store(false); }

bool FaultPlan::ShouldFail(FaultKind kind) {
  if (!armed_.load(std::memory_order_acquire)) return false;
  if (kind == FaultKind::kFull) kind = FaultKind::kWrite;
  if (static_cast<int>(kind) != kind_.load()) return false;
  const int64_t call = calls_.fetch_add(1) + 1;
  const bool fails = call == nth_.load() || (persistent_.load() && call > nth_.load());
  if (fails) injected_.fetch_add(1);
  return fails;
}

}  // namespace pillarbox::testing
