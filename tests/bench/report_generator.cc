#include "report_generator.h"

#include <cmath>
#include <cstdio>
#include <random>

#include "app/triage_vocabulary.h"
#include "cases/calendar_day.h"
#include "intake/report.h"
#include "store/desk_repository.h"
#include "store/report_rows.h"
#include "store/transaction.h"
#include "store/user_repository.h"

namespace pillarbox::bench {
namespace {

constexpr int kReviewers = 20;
constexpr int kTags = 50;
constexpr int kOrganizations = 2000;
constexpr int kAiSystems = 300;

// Kinds by share: workplace 50%, algorithmic 30%, voice 20%.
const std::vector<std::string> kKinds = {"workplace_ai_harm", "algorithmic_injustice", "voice_cloning"};
const std::vector<double> kKindWeights = {0.5, 0.3, 0.2};

class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}
  std::vector<uint8_t> Bytes(size_t size) {
    std::vector<uint8_t> bytes(size);
    for (size_t i = 0; i < size; i += 8) {
      const uint64_t word = engine_();
      for (size_t j = 0; j < 8 && i + j < size; ++j) bytes[i + j] = static_cast<uint8_t>(word >> (8 * j));
    }
    return bytes;
  }
  std::string Hex(size_t digits) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string text(digits, '0');
    uint64_t word = 0;
    for (size_t i = 0; i < digits; ++i) {
      if (i % 16 == 0) word = engine_();
      text[i] = kHex[(word >> (4 * (i % 16))) & 15];
    }
    return text;
  }
  double Uniform() { return std::uniform_real_distribution<double>(0, 1)(engine_); }
  int Below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(engine_); }
  int Pick(std::discrete_distribution<int>& distribution) { return distribution(engine_); }

 private:
  std::mt19937_64 engine_;
};

std::discrete_distribution<int> Zipf(size_t n, double exponent = 1.0) {
  std::vector<double> weights;
  for (size_t i = 0; i < n; ++i) weights.push_back(1.0 / std::pow(static_cast<double>(i + 1), exponent));
  return std::discrete_distribution<int>(weights.begin(), weights.end());
}

// Status weights (new, acknowledged, in_review, linked_to_case, closed) by age in days.
std::discrete_distribution<int> StatusesAt(int age) {
  if (age < 7) return {70, 20, 10, 0, 0};
  if (age < 30) return {15, 25, 45, 10, 5};
  if (age < 180) return {3, 7, 30, 20, 40};
  return {0.5, 1.5, 5, 8, 85};
}

const char* const kStatuses[] = {"new", "acknowledged", "in_review", "linked_to_case", "closed"};
const char* const kReasons[] = {"actioned", "insufficient", "duplicate", "out_of_scope"};

Status CreateAccountsAndDesks(store::Database& db, Random& random, GeneratedData& data) {
  for (const std::string& kind : kKinds) {
    store::DeskRecord desk{kind, "Desk " + kind, 1, {}, {kind}};
    const auto key = random.Bytes(32);
    std::copy(key.begin(), key.end(), desk.public_key.bytes.begin());
    PB_RETURN_IF_ERROR(store::InsertDesk(db, desk));
    data.desks.push_back(kind);
  }
  for (int i = 0; i < kReviewers; ++i) {
    store::UserRecord user{random.Hex(32), "bench-reviewer-" + std::to_string(i), "reviewer", random.Bytes(16),
                           random.Bytes(32), 1, 8192, random.Bytes(32), random.Bytes(72), random.Bytes(16),
                           random.Bytes(72), random.Bytes(60), false, "2024-01-01"};
    PB_RETURN_IF_ERROR(store::InsertUser(db, user));
    for (const std::string& desk : data.desks) {
      PB_RETURN_IF_ERROR(store::InsertDeskMember(db, {desk, user.id, 1, random.Bytes(80)}));
    }
    data.reviewer_ids.push_back(user.id);
  }
  static constexpr char kInsertTagSql[] = "INSERT INTO tags (id, name) VALUES (?, ?)";
  for (int i = 0; i < kTags; ++i) {
    PB_ASSIGN_OR_RETURN(store::Statement * insert, db.Prepare(kInsertTagSql));
    data.tag_ids.push_back(random.Hex(32));
    insert->BindText(1, data.tag_ids.back());
    insert->BindText(2, "bench-tag-" + std::to_string(i));
    PB_RETURN_IF_ERROR(insert->Run());
  }
  return Status::Ok();
}

struct Draws {
  std::discrete_distribution<int> kind{kKindWeights.begin(), kKindWeights.end()};
  std::discrete_distribution<int> region, sector, reviewer, tag, pillar, organization, ai_system;
  std::discrete_distribution<int> tags_per_report{40, 35, 17, 8};
  std::discrete_distribution<int> pillars_per_report{50, 35, 15};
};

intake::SealedReport MakeReport(Random& random, Draws& draws, const GeneratedData& data, const GeneratorOptions& o,
                                const std::string& day) {
  intake::SealedReport report;
  report.id = random.Hex(32);
  report.kind = kKinds[static_cast<size_t>(random.Pick(draws.kind))];
  report.desk_id = report.kind;
  report.received_day = day;
  report.region = data.regions[static_cast<size_t>(random.Pick(draws.region))];
  report.sector = data.sectors[static_cast<size_t>(random.Pick(draws.sector))];
  report.sealed_fields = {{"summary", random.Bytes(o.field_bytes)},   {"narrative", random.Bytes(o.narrative_bytes)},
                          {"occurred", random.Bytes(o.field_bytes)},  {"organization", random.Bytes(o.field_bytes)},
                          {"ai_system", random.Bytes(o.field_bytes)}, {"contact", random.Bytes(o.field_bytes)}};
  report.blind_indexes = {
      {"organization", data.organization_digests[static_cast<size_t>(random.Pick(draws.organization))]},
      {"ai_system", data.organization_digests[static_cast<size_t>(random.Pick(draws.ai_system)) + kOrganizations]}};
  report.desk_sealed_data_key = random.Bytes(80);
  report.reporter_wrapped_data_key = random.Bytes(72);
  report.lookup_id = random.Bytes(32);
  return report;
}

void BindNullable(store::Statement& statement, int index, const std::string& value) {
  if (value.empty()) {
    statement.BindNull(index);
  } else {
    statement.BindText(index, value);
  }
}

// The workflow columns, tags and pillars of `report`, received `age` days before the last day.
Status WriteWorkflow(store::Database& db, Random& random, Draws& draws, const GeneratedData& data,
                     const intake::SealedReport& report, int age) {
  static constexpr char kUpdateSql[] =
      "UPDATE reports SET status = ?, close_reason = ?, assignee_id = ?, acknowledged_day = ?, "
      "first_feedback_day = ? WHERE id = ?";
  static constexpr char kTagSql[] = "INSERT OR IGNORE INTO report_tags (tag_id, received_day, report_id) VALUES (?, ?, ?)";
  static constexpr char kPillarSql[] =
      "INSERT OR IGNORE INTO report_pillars (pillar, received_day, report_id, desk_id, kind, region) "
      "SELECT ?1, ?2, ?3, desk_id, kind, region FROM reports WHERE id = ?3";
  auto statuses = StatusesAt(age);
  const int status = random.Pick(statuses);
  const auto day_within = [&](int most) { return cases::AddDays(report.received_day, std::min(age, random.Below(most + 1))); };
  const std::string acknowledged = status > 0 ? day_within(10) : "";
  const bool assigned = random.Uniform() < (status == 0 ? 0.1 : 0.9);
  const bool feedback = status >= 2 && random.Uniform() < 0.85;
  PB_ASSIGN_OR_RETURN(store::Statement * update, db.Prepare(kUpdateSql));
  update->BindText(1, kStatuses[status]);
  BindNullable(*update, 2, status == 4 ? kReasons[random.Below(4)] : "");
  BindNullable(*update, 3, assigned ? data.reviewer_ids[static_cast<size_t>(random.Pick(draws.reviewer))] : "");
  BindNullable(*update, 4, acknowledged);
  BindNullable(*update, 5, feedback ? day_within(60) : "");
  update->BindText(6, report.id);
  PB_RETURN_IF_ERROR(update->Run());
  for (int i = random.Pick(draws.tags_per_report); i > 0; --i) {
    PB_ASSIGN_OR_RETURN(store::Statement * insert, db.Prepare(kTagSql));
    insert->BindText(1, data.tag_ids[static_cast<size_t>(random.Pick(draws.tag))]);
    insert->BindText(2, report.received_day);
    insert->BindText(3, report.id);
    PB_RETURN_IF_ERROR(insert->Run());
  }
  for (int i = random.Pick(draws.pillars_per_report); i > 0; --i) {
    PB_ASSIGN_OR_RETURN(store::Statement * insert, db.Prepare(kPillarSql));
    insert->BindText(1, data.pillars[static_cast<size_t>(random.Pick(draws.pillar))]);
    insert->BindText(2, report.received_day);
    insert->BindText(3, report.id);
    PB_RETURN_IF_ERROR(insert->Run());
  }
  return Status::Ok();
}

// Reports on each day: the total split over `days` days with volume growing 1:3.
std::vector<int64_t> ReportsPerDay(const GeneratorOptions& options) {
  std::vector<int64_t> per_day(static_cast<size_t>(options.days));
  double total_weight = 0;
  for (int d = 0; d < options.days; ++d) total_weight += 1.0 + 2.0 * d / options.days;
  int64_t assigned = 0;
  for (int d = 0; d < options.days; ++d) {
    per_day[static_cast<size_t>(d)] =
        static_cast<int64_t>(options.reports * (1.0 + 2.0 * d / options.days) / total_weight);
    assigned += per_day[static_cast<size_t>(d)];
  }
  per_day.back() += options.reports - assigned;
  return per_day;
}

Status InsertAll(store::Database& db, Random& random, Draws& draws, const GeneratedData& data,
                 const GeneratorOptions& options) {
  const std::vector<int64_t> per_day = ReportsPerDay(options);
  int64_t written = 0;
  PB_RETURN_IF_ERROR(db.Execute("BEGIN"));
  for (int d = 0; d < options.days; ++d) {
    const int age = options.days - 1 - d;
    const std::string day = cases::AddDays(options.last_day, -age);
    for (int64_t i = 0; i < per_day[static_cast<size_t>(d)]; ++i) {
      const intake::SealedReport report = MakeReport(random, draws, data, options, day);
      PB_RETURN_IF_ERROR(store::InsertSealedReport(db, report));
      PB_RETURN_IF_ERROR(WriteWorkflow(db, random, draws, data, report, age));
      if (++written % options.reports_per_transaction == 0) {
        PB_RETURN_IF_ERROR(db.Execute("COMMIT; BEGIN"));
      }
      if (written % 100'000 == 0) std::fprintf(stderr, "generated %lld reports\n", static_cast<long long>(written));
    }
  }
  return db.Execute("COMMIT");
}

}  // namespace

Result<GeneratedData> GenerateReports(store::Database& db, const GeneratorOptions& options) {
  Random random(options.seed);
  GeneratedData data;
  // A benchmark database, not acknowledged reports: a large page cache and no
  // fsync per transaction make generation minutes instead of an hour.
  PB_RETURN_IF_ERROR(db.Execute("PRAGMA cache_size = -1500000; PRAGMA synchronous = OFF"));
  PB_ASSIGN_OR_RETURN(const cases::TriageVocabulary vocabulary, app::LoadTriageVocabulary());
  data.regions.assign(vocabulary.regions.begin(), vocabulary.regions.end());
  data.sectors.assign(vocabulary.sectors.begin(), vocabulary.sectors.end());
  data.pillars.assign(vocabulary.pillars.begin(), vocabulary.pillars.end());
  for (int i = 0; i < kOrganizations + kAiSystems; ++i) data.organization_digests.push_back(random.Bytes(32));
  PB_RETURN_IF_ERROR(db.Execute("BEGIN"));
  PB_RETURN_IF_ERROR(CreateAccountsAndDesks(db, random, data));
  PB_RETURN_IF_ERROR(db.Execute("COMMIT"));
  Draws draws;
  draws.region = Zipf(data.regions.size());
  draws.sector = Zipf(data.sectors.size());
  draws.reviewer = Zipf(data.reviewer_ids.size());
  draws.tag = Zipf(data.tag_ids.size());
  draws.pillar = Zipf(data.pillars.size());
  draws.organization = Zipf(kOrganizations);
  draws.ai_system = Zipf(kAiSystems);
  PB_RETURN_IF_ERROR(InsertAll(db, random, draws, data, options));
  data.organization_digests.resize(kOrganizations);
  PB_RETURN_IF_ERROR(db.Execute("PRAGMA synchronous = FULL"));
  return data;
}

}  // namespace pillarbox::bench
