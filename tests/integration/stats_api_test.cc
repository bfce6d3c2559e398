// The researchers' statistics API through the real service. Reports are
// seeded with SQL into two complete past months (the service counts clear
// columns only, so the sealed blobs are filler), then a researcher asks
// overlapping threshold queries and cannot work out a count under k from
// everything released; a repeated query after a report is deleted returns
// the same numbers (the release log); DP queries charge the budget until a
// further one is refused; CSV matches JSON; bad input is a 400 naming the
// field; only researchers get an answer.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <ctime>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "case_api_fixture.h"
#include "instance_inspector.h"

namespace pillarbox::testing {
namespace {

using nlohmann::json;

std::string MonthName(int index) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", index / 12, index % 12 + 1);
  return text;
}

int CurrentMonthIndex() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return (utc.tm_year + 1900) * 12 + utc.tm_mon;
}

class StatsApiTest : public CaseApiTest {
 protected:
  void SetUp() override {
    CaseApiTest::SetUp();
    m1_ = MonthName(CurrentMonthIndex() - 2);
    m2_ = MonthName(CurrentMonthIndex() - 1);
  }

  // Runs `sql` on the service's database.
  void Sql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(service_.database_path().c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }

  // Inserts `count` reports of `kind` and `region` received on `day`.
  void Seed(const std::string& day, const std::string& kind, const std::string& region, int count,
            const std::string& sector = "technology") {
    for (int i = 0; i < count; ++i) {
      Sql("INSERT INTO reports (id, kind, desk_id, desk_key_version, received_day, region, sector, status, "
          "desk_sealed_data_key, reporter_wrapped_data_key, lookup_id) VALUES (lower(hex(randomblob(16))), '" +
          kind + "', (SELECT desk_id FROM desk_kinds WHERE kind = '" + kind + "'), 1, '" + day + "', '" + region +
          "', '" + sector + "', 'new', randomblob(80), randomblob(72), randomblob(32))");
    }
  }

  json Stats(int status, const std::string& query, const std::string& role = "researcher") {
    return Expect(status, "GET", "/api/v1/stats?" + query, role);
  }

  // The cells of `answer` for `month`: "v1,v2" -> count (-1 when suppressed).
  static std::map<std::string, int64_t> Cells(const json& answer, const std::string& month) {
    std::map<std::string, int64_t> cells;
    for (const auto& cell : answer["cells"]) {
      if (cell["month"] != month) continue;
      std::string key;
      for (const auto& dim : answer["dimensions"]) key += (key.empty() ? "" : ",") + cell[dim.get<std::string>()].get<std::string>();
      cells[key] = cell.contains("suppressed") ? -1 : cell["count"].get<int64_t>();
    }
    return cells;
  }

  std::string m1_, m2_;
};

// Everything an attacker knows about one month of a kind x region table:
// unknowns are suppressed cells; equations are the margins (kind, region,
// total), each a published number equal to a sum of cells. Solves every
// equation with a single unknown left, repeatedly (differences of margins
// and cells, chained). Returns the cells worked out.
std::map<std::string, int64_t> Recover(const std::map<std::string, int64_t>& table,
                                       const std::map<std::string, int64_t>& kinds,
                                       const std::map<std::string, int64_t>& regions, int64_t total) {
  std::map<std::string, int64_t> known;
  for (const auto& [cell, count] : table) {
    if (count >= 0) known[cell] = count;
  }
  struct Equation {
    int64_t sum;
    std::vector<std::string> cells;
  };
  std::vector<Equation> equations;
  std::map<std::string, std::vector<std::string>> by_kind, by_region;
  for (const auto& [cell, count] : table) {
    const size_t comma = cell.find(',');
    by_kind[cell.substr(0, comma)].push_back(cell);
    by_region[cell.substr(comma + 1)].push_back(cell);
  }
  for (const auto& [kind, count] : kinds) {
    if (count >= 0) equations.push_back({count, by_kind[kind]});
  }
  for (const auto& [region, count] : regions) {
    if (count >= 0) equations.push_back({count, by_region[region]});
  }
  if (total >= 0) {
    std::vector<std::string> all;
    for (const auto& [cell, count] : table) all.push_back(cell);
    equations.push_back({total, all});
  }
  for (bool progress = true; progress;) {
    progress = false;
    for (const auto& equation : equations) {
      int64_t rest = equation.sum;
      std::vector<std::string> unknown;
      for (const auto& cell : equation.cells) {
        if (known.count(cell) != 0) {
          rest -= known[cell];
        } else {
          unknown.push_back(cell);
        }
      }
      if (unknown.size() == 1) {
        known[unknown[0]] = rest;
        progress = true;
      }
    }
  }
  return known;
}

TEST_F(StatsApiTest, OverlappingThresholdQueriesNeverRevealACountUnderK) {
  const std::string d1 = m1_ + "-14", d2 = m2_ + "-03";
  Seed(d1, "voice_cloning", "europe", 12);
  Seed(d1, "voice_cloning", "us_canada", 3);  // the small cell: 3 < k = 10
  Seed(d1, "workplace_ai_harm", "europe", 15);
  Seed(d1, "workplace_ai_harm", "us_canada", 20);
  Seed(d1, "algorithmic_injustice", "europe", 11);
  Seed(d1, "algorithmic_injustice", "us_canada", 14);
  Seed(d2, "voice_cloning", "europe", 30);
  Seed(d2, "workplace_ai_harm", "africa", 7);
  const std::string range = "&from=" + m1_ + "&to=" + m2_;

  // Overlapping queries, in an order that lets margins come after tables
  // for another range.
  const json table_m1 = Stats(200, "group_by=kind,region&from=" + m1_ + "&to=" + m1_);
  const json kinds = Stats(200, "group_by=kind" + range);
  const json regions = Stats(200, "group_by=region" + range);
  const json totals = Stats(200, "from=" + m1_ + "&to=" + m2_);
  const json table = Stats(200, "group_by=region,kind" + range);  // order does not matter
  const json sectors = Stats(200, "group_by=kind,sector" + range);
  EXPECT_EQ(table["mechanism"], "threshold");
  EXPECT_EQ(table["k"], 10);
  EXPECT_EQ(table["dimensions"], json::array({"kind", "region"}));
  EXPECT_EQ(table["remaining_budget"], "10");
  // The wider range repeats the earlier month's answer exactly.
  EXPECT_EQ(Cells(table, m1_), Cells(table_m1, m1_));
  EXPECT_EQ(Cells(table_m1, m2_).size(), 0u);

  const auto cells = Cells(table, m1_);
  ASSERT_EQ(cells.size(), 3u * 6u);
  EXPECT_EQ(cells.at("voice_cloning,us_canada"), -1);
  int published_nonzero = 0;
  for (const auto& [cell, count] : cells) published_nonzero += count > 0 ? 1 : 0;
  EXPECT_GE(published_nonzero, 2) << "suppressing everything protects nothing useful";
  int64_t total = -1;
  for (const auto& cell : totals["cells"]) {
    if (cell["month"] == m1_) total = cell.value("count", int64_t{-1});
  }
  EXPECT_EQ(total, 75);
  const auto recovered = Recover(cells, Cells(kinds, m1_), Cells(regions, m1_), total);
  EXPECT_EQ(recovered.count("voice_cloning,us_canada"), 0u)
      << "the small cell is worked out from the margins: " << table.dump();
  // Every cell the attacker does recover is the true count (the equations
  // are right), and nothing in [1, k-1] is among them.
  for (const auto& [cell, count] : recovered) {
    EXPECT_TRUE(count == 0 || count >= 10) << cell << " = " << count;
  }
  // Month 2: the africa cell (7) and everything that would give it away.
  const auto cells2 = Cells(table, m2_);
  EXPECT_EQ(cells2.at("workplace_ai_harm,africa"), -1);
  EXPECT_EQ(Recover(cells2, Cells(kinds, m2_), Cells(regions, m2_), -1).count("workplace_ai_harm,africa"), 0u);
  EXPECT_FALSE(sectors["cells"].empty());

  // Frozen: deleting a report (and changing another's status) changes no
  // published number.
  Sql("DELETE FROM reports WHERE id = (SELECT id FROM reports WHERE kind = 'workplace_ai_harm' AND region = "
      "'us_canada' AND received_day = '" + d1 + "' LIMIT 1)");
  Sql("UPDATE reports SET region = 'africa' WHERE id = (SELECT id FROM reports WHERE kind = 'voice_cloning' AND "
      "region = 'europe' AND received_day = '" + d1 + "' LIMIT 1)");
  EXPECT_EQ(Stats(200, "group_by=kind,region" + range)["cells"], table["cells"]);
  // Browsers percent-encode the comma (URLSearchParams): the same query.
  EXPECT_EQ(Stats(200, "group_by=kind%2Cregion" + range)["cells"], table["cells"]);
  EXPECT_EQ(Stats(200, "group_by=kind%2cregion" + range)["cells"], table["cells"]);
  EXPECT_EQ(Stats(200, "group_by=kind" + range)["cells"], kinds["cells"]);
  EXPECT_EQ(Stats(200, "from=" + m1_ + "&to=" + m2_)["cells"], totals["cells"]);
  EXPECT_EQ(CountRows(service_.database_path(), "stats_released_tables WHERE group_by = 'kind,region'"), 2);

  // No report id, no day: months and closed values only.
  const std::string body = table.dump() + kinds.dump() + sectors.dump();
  EXPECT_FALSE(std::regex_search(body, std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}")));
  EXPECT_FALSE(std::regex_search(body, std::regex("[0-9a-f]{32}")));
  EXPECT_GE(CountRows(service_.database_path(),
                      "audit_log WHERE action = 'stats.queried' AND detail = 'mechanism=threshold'"),
            9);
}

TEST_F(StatsApiTest, DpQueriesChargeTheBudgetUntilRefused) {
  Seed(m1_ + "-02", "voice_cloning", "europe", 40);
  const std::string range = "&from=" + m1_ + "&to=" + m1_;
  const json first = Stats(200, "group_by=kind,region&mechanism=dp&epsilon=4" + range);
  EXPECT_EQ(first["mechanism"], "dp");
  EXPECT_EQ(first["epsilon"], "4");
  EXPECT_EQ(first["remaining_budget"], "6");
  EXPECT_EQ(first["cells"].size(), 18u);  // every cell, zeros included, is noised and published
  for (const auto& cell : first["cells"]) EXPECT_FALSE(cell.contains("suppressed"));
  EXPECT_EQ(Stats(200, "group_by=pillar&mechanism=dp&epsilon=3.5" + range)["remaining_budget"], "2.5");
  const json refused = Stats(409, "group_by=kind&mechanism=dp&epsilon=3" + range);
  EXPECT_EQ(refused["error"]["field"], "epsilon");
  EXPECT_EQ(Stats(200, "group_by=kind&mechanism=dp&epsilon=2.5" + range)["remaining_budget"], "0");
  EXPECT_EQ(Stats(409, "mechanism=dp&epsilon=0.000001" + range)["error"]["field"], "epsilon");
  // Threshold queries still work and state the budget left.
  EXPECT_EQ(Stats(200, "group_by=kind" + range)["remaining_budget"], "0");

  const std::string db = service_.database_path();
  EXPECT_EQ(CountRows(db, "stats_charges"), 3);
  EXPECT_EQ(CountRows(db, "stats_budgets WHERE total_micro = 10000000 AND spent_micro = 10000000"), 1);
  EXPECT_EQ(CountRows(db, "stats_charges WHERE epsilon_micro = 3500000 AND group_by = 'pillar'"), 1);
  EXPECT_EQ(CountRows(db, "audit_log WHERE action = 'stats.queried' AND detail = 'mechanism=dp;epsilon=4'"), 1);
  EXPECT_EQ(CountRows(db, "audit_log WHERE action = 'stats.queried' AND detail LIKE 'mechanism=dp%'"), 3);
}

TEST_F(StatsApiTest, CsvMatchesJson) {
  Seed(m1_ + "-20", "voice_cloning", "europe", 25);
  Seed(m1_ + "-21", "voice_cloning", "africa", 2);
  const std::string query = "group_by=kind,region&from=" + m1_ + "&to=" + m1_;
  const json answer = Stats(200, query);
  HttpClient client(service_.port());
  const std::map<std::string, std::string> auth{{"Authorization", "Bearer " + tokens_["researcher"]}};
  const auto csv = client.Request("GET", "/api/v1/stats.csv?" + query, std::nullopt, "", auth);
  ASSERT_EQ(csv.status, 200) << csv.body;
  auto accept = auth;
  accept["Accept"] = "text/csv";
  EXPECT_EQ(client.Request("GET", "/api/v1/stats?" + query, std::nullopt, "", accept).body, csv.body);

  std::istringstream lines(csv.body);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, "month,kind,region,count,suppressed\r");
  size_t row = 0;
  while (std::getline(lines, line)) {
    ASSERT_LT(row, answer["cells"].size());
    const auto& cell = answer["cells"][row++];
    const std::string expected = cell["month"].get<std::string>() + "," + cell["kind"].get<std::string>() + "," +
                                 cell["region"].get<std::string>() + "," +
                                 (cell.contains("suppressed") ? std::string(",true")
                                                              : std::to_string(cell["count"].get<int64_t>()) + ",false") +
                                 "\r";
    EXPECT_EQ(line, expected);
    EXPECT_TRUE(line.find_first_of("=+-@") != 0);
  }
  EXPECT_EQ(row, answer["cells"].size());
  EXPECT_NE(csv.body.find(",,true"), std::string::npos);  // africa: 2 < k
}

TEST_F(StatsApiTest, BadInputNamesTheFieldAndOnlyResearchersAreAnswered) {
  const std::string range = "&from=" + m1_ + "&to=" + m2_;
  EXPECT_EQ(Stats(400, "group_by=organization" + range)["error"]["field"], "group_by");
  EXPECT_EQ(Stats(400, "group_by=kind,kind" + range)["error"]["field"], "group_by");
  EXPECT_EQ(Stats(400, "group_by=kind,region,sector,status" + range)["error"]["field"], "group_by");
  EXPECT_EQ(Stats(400, "group_by=kind&from=" + m2_ + "&to=" + m1_)["error"]["field"], "from");
  EXPECT_EQ(Stats(400, "group_by=kind&from=2026-13&to=" + m2_)["error"]["field"], "from");
  EXPECT_EQ(Stats(400, "group_by=kind&from=" + m1_)["error"]["field"], "to");
  EXPECT_EQ(Stats(400, "group_by=kind&from=" + m1_ + "&to=" + MonthName(CurrentMonthIndex()))["error"]["field"],
            "to");
  EXPECT_EQ(Stats(400, "group_by=kind&mechanism=exact" + range)["error"]["field"], "mechanism");
  EXPECT_EQ(Stats(400, "group_by=kind&mechanism=dp" + range)["error"]["field"], "epsilon");
  EXPECT_EQ(Stats(400, "group_by=kind&mechanism=dp&epsilon=0" + range)["error"]["field"], "epsilon");
  EXPECT_EQ(Stats(400, "group_by=kind&mechanism=dp&epsilon=abc" + range)["error"]["field"], "epsilon");
  EXPECT_EQ(Stats(400, "group_by=kind&mechanism=dp&epsilon=-1" + range)["error"]["field"], "epsilon");
  EXPECT_EQ(Stats(400, "group_by=kind&epsilon=1" + range)["error"]["field"], "epsilon");
  // Nothing was charged or released by refused queries.
  EXPECT_EQ(CountRows(service_.database_path(), "stats_charges"), 0);
  EXPECT_EQ(CountRows(service_.database_path(), "stats_released_tables"), 0);

  Stats(403, "group_by=kind" + range, "voice");
  Stats(403, "group_by=kind" + range, "partner");
  Stats(403, "group_by=kind" + range, "admin");
  Stats(401, "group_by=kind" + range, "anonymous");
  // A clear enumerated answer is a dimension; a sealed field is not.
  Stats(200, "group_by=answer.consent" + range);
  EXPECT_EQ(Stats(400, "group_by=answer.organization" + range)["error"]["field"], "group_by");
}

}  // namespace
}  // namespace pillarbox::testing
