// ReportGenerator: fills a migrated Pillarbox database with N synthetic
// reports written directly through the store (store::InsertSealedReport and
// the workflow columns), for benchmarks of the triage queue and, later, of
// aggregation. Sealed columns are fixed-size random blobs (the benchmarks
// measure queries, not cryptography). Distributions (deterministic per seed):
// - received days over `days` days ending at `last_day`, volume growing 1:3;
// - kind 50/30/20 (workplace_ai_harm, algorithmic_injustice, voice_cloning),
//   one desk per kind; regions and sectors from schema/taxonomy.json, Zipf;
// - status by age: recent mostly new, old mostly closed (with a reason);
// - 20 reviewer accounts (members of every desk) as assignees, Zipf;
// - 50 tags, 0-3 per report; 9 pillars, 0-2 per report;
// - first_feedback_day on ~85% of reports in review, linked or closed;
// - blind indexes for organization (~2000 values, Zipf) and ai_system
//   (~300 values, Zipf).
// Not thread-safe; one generator per database.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::bench {

struct GeneratorOptions {
  int64_t reports = 1'000'000;
  int days = 1000;
  std::string last_day = "2027-06-30";
  uint64_t seed = 42;
  size_t narrative_bytes = 512;  // the long sealed field
  size_t field_bytes = 48;       // every other sealed field
  int64_t reports_per_transaction = 20'000;
};

// What was generated, for the benchmark to pick common and rare values.
struct GeneratedData {
  std::vector<std::string> desks;        // ids, = kinds
  std::vector<std::string> reviewer_ids;  // most assigned first
  std::vector<std::string> tag_ids;       // most used first
  std::vector<std::string> regions;       // most used first
  std::vector<std::string> sectors;       // most used first
  std::vector<std::string> pillars;       // most used first
  std::vector<std::vector<uint8_t>> organization_digests;  // most reported first
};

// Creates desks, reviewer accounts and tags in `db` (a freshly migrated
// database) and inserts options.reports reports. Prints progress to stderr
// every 100,000 reports. Errors from the store are returned as they are.
Result<GeneratedData> GenerateReports(store::Database& db, const GeneratorOptions& options);

}  // namespace pillarbox::bench
