#include "fault_loop.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "http/status_mapping.h"

namespace pillarbox::testing {
namespace {

// Checks shared by every operation once the faults are off.
void CheckSoundAfterFault(FaultTestBed& bed) {
  EXPECT_EQ(bed.IntegrityCheck(), "ok");
  EXPECT_TRUE(bed.AuditChainVerifies());
  EXPECT_FALSE(bed.CanaryOnDisk()) << "the plaintext canary reached the database files";
}

}  // namespace

LoopTally RunFaultLoop(const std::string& name, FaultTestBed& bed, FaultTrial& trial, FaultKind kind,
                       FaultMode mode, LoopSampling sampling) {
  FaultPlan& plan = FaultPlan::Global();
  LoopTally tally;
  for (int64_t n = 1;; n += n < sampling.dense_until ? 1 : sampling.stride) {
    SCOPED_TRACE(name + " " + FaultKindName(kind) + " " + FaultModeName(mode) + " N=" + std::to_string(n));
    trial.Prepare();
    if (::testing::Test::HasFailure()) break;
    plan.Arm(kind, n, mode);
    const Status status = trial.Attempt();
    plan.Disarm();
    ++tally.iterations;
    const int64_t injected = plan.injected();
    tally.injected += injected;
    if (injected == 0) {  // the operation completed before reaching call N
      EXPECT_TRUE(status.ok()) << status.ToString();
      trial.CheckAllOrNothing(status);
      tally.calls_to_complete = plan.calls();
      break;
    }
    if (status.ok()) {
      ++tally.survived;
    } else {
      ++tally.errors;
      EXPECT_GE(http::HttpCodeFor(status), 500) << status.ToString();
    }
    trial.CheckAllOrNothing(status);
    CheckSoundAfterFault(bed);
    trial.Retry();
    if (n % 10 == 0) CheckSoundAfterFault(bed);  // the retry's own writes (sampled: each check reads the file)
    if (::testing::Test::HasFailure()) break;
    if (n % 50 == 0) {
      EXPECT_TRUE(bed.Checkpoint().ok());  // keep the WAL short, as the checkpointer would
    }
  }
  std::printf("[fault-loop] %s %s %s: %lld iterations, %lld faults injected, %lld errors (5xx), %lld survived, "
              "%lld calls to complete\n",
              name.c_str(), FaultKindName(kind), FaultModeName(mode), static_cast<long long>(tally.iterations),
              static_cast<long long>(tally.injected), static_cast<long long>(tally.errors),
              static_cast<long long>(tally.survived), static_cast<long long>(tally.calls_to_complete));
  std::fflush(stdout);
  return tally;
}

}  // namespace pillarbox::testing
