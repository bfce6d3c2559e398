// Test data for the report store: SealedReports with a plausible shape and
// random bytes where ciphertexts, digests and keys go (no cryptography). For
// tests and benchmarks only. Thread-safe (each thread has its own generator).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "intake/report.h"

namespace pillarbox::testing {

// `size` bytes from a non-cryptographic generator seeded per thread.
std::vector<uint8_t> RandomTestBytes(size_t size);

// 32 random lowercase hex digits, shaped like a report id.
std::string RandomReportId();

// A SealedReport to `desk_id` (key version 1) with two clear answers, three
// sealed fields, one blind index and random 32-byte lookup_id. Every call gives
// a new id and lookup_id.
intake::SealedReport MakeSealedReport(const std::string& desk_id = "test_desk");

}  // namespace pillarbox::testing
