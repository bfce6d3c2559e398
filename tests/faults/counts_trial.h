// CountsTrial: a FaultTrial whose all-or-nothing check is a list of row
// counts (one SQL query each): after an attempt they equal the counts before
// it, or the counts before plus the delta one fault-free attempt makes
// (Calibrate). Subclasses give the queries, Prepare and Attempt.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "fault_loop.h"
#include "fault_test_bed.h"

namespace pillarbox::testing {

class CountsTrial : public FaultTrial {
 public:
  // `queries` each answer one integer (no parameters).
  CountsTrial(FaultTestBed& bed, std::vector<std::string> queries) : bed_(bed), queries_(std::move(queries)) {}

  // Prepares and attempts once without faults; records the delta. Asserts
  // the attempt succeeded and changed something.
  void Calibrate();

  // Records the counts before the attempt; subclasses call it from Prepare.
  void Snapshot() { before_ = Counts(); }

  void CheckAllOrNothing(const Status& status) override;

  // Runs Attempt again when the counts are still those before it (the
  // operation did not take effect), then asserts the full delta.
  void Retry() override;

 protected:
  std::vector<int64_t> Counts() const;

  FaultTestBed& bed_;
  std::vector<int64_t> before_;
  std::vector<int64_t> delta_;

 private:
  std::vector<std::string> queries_;
};

}  // namespace pillarbox::testing
