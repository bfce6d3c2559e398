#include "cases/triage_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <set>

#include "cases/calendar_day.h"
#include "cases_fixture.h"

namespace pillarbox::cases {
namespace {

using test::ReportSpec;

// A query with the given parameters set.
TriageQuery Query(std::initializer_list<std::pair<std::optional<std::string> TriageQuery::*, std::string>> values) {
  TriageQuery query;
  for (const auto& [member, value] : values) query.*member = value;
  return query;
}

const TriageVocabulary kVocabulary{{"voice_cloning", "workplace_ai_harm", "algorithmic_injustice"},
                                   {"europe", "africa", "global"},
                                   {"finance", "education", "other"},
                                   {"labor", "data", "policy"}};

class TriageQueueTest : public test::CasesDatabaseTest {
 protected:
  void SetUp() override {
    CasesDatabaseTest::SetUp();
    queue_ = std::make_unique<TriageQueue>(*readers_, clock_, kVocabulary);
  }

  // 80 reports with every attribute drawn at random (fixed seed), days
  // 2024-01-01..2024-06-15 with several reports on the same day.
  void AddRandomReports() {
    tags_ = {AddTag("alpha"), AddTag("beta"), AddTag("gamma")};
    std::mt19937 random(7);
    auto pick = [&random](const std::vector<std::string>& values) {
      return values[std::uniform_int_distribution<size_t>(0, values.size() - 1)(random)];
    };
    for (int i = 0; i < 80; ++i) {
      ReportSpec spec;
      spec.desk = pick({"voice_cloning", "workplace_ai_harm"});
      spec.kind = spec.desk;
      spec.day = AddDays("2024-01-01", std::uniform_int_distribution<int>(0, 40)(random) * 4);
      spec.region = pick({"europe", "africa", "global"});
      spec.sector = pick({"finance", "education", "other"});
      spec.status = pick({"new", "new", "acknowledged", "in_review", "linked_to_case", "closed"});
      spec.assignee = pick({"", "", alice_, bob_});
      if (spec.desk == "workplace_ai_harm" && spec.assignee == alice_) spec.assignee = bob_;
      spec.first_feedback_day = pick({"", "2024-06-01"});
      for (const std::string& tag : tags_) {
        if (random() % 3 == 0) spec.tags.push_back(tag);
      }
      for (const char* pillar : {"labor", "data"}) {
        if (random() % 3 == 0) spec.pillars.push_back(pillar);
      }
      std::sort(spec.tags.begin(), spec.tags.end());
      AddReport(spec);
      specs_.push_back(spec);
    }
  }

  // Every page of `query` at `limit`, concatenated; fails on an error.
  std::vector<TriageItem> AllPages(const accounts::Session& session, const TriageQuery& query, int limit = 7) {
    std::vector<TriageItem> all;
    std::string cursor;
    for (int page = 0; page < 100; ++page) {
      auto result = queue_->List(session, query, limit, cursor);
      EXPECT_TRUE(result.ok()) << result.status().ToString();
      if (!result.ok()) return all;
      EXPECT_LE(result->reports.size(), static_cast<size_t>(limit));
      all.insert(all.end(), result->reports.begin(), result->reports.end());
      if (result->next_cursor.empty()) return all;
      EXPECT_EQ(result->reports.size(), static_cast<size_t>(limit)) << "a page before the last is full";
      cursor = result->next_cursor;
    }
    ADD_FAILURE() << "too many pages";
    return all;
  }

  // The ids, newest first, of the specs `session_desks` may see that pass `keep`.
  std::vector<std::string> Expected(const std::set<std::string>& session_desks,
                                    const std::function<bool(const ReportSpec&)>& keep) {
    std::vector<const ReportSpec*> kept;
    for (const ReportSpec& spec : specs_) {
      if (session_desks.count(spec.desk) > 0 && keep(spec)) kept.push_back(&spec);
    }
    std::sort(kept.begin(), kept.end(),
              [](const ReportSpec* a, const ReportSpec* b) { return std::tie(a->day, a->id) > std::tie(b->day, b->id); });
    std::vector<std::string> ids;
    for (const ReportSpec* spec : kept) ids.push_back(spec->id);
    return ids;
  }

  static std::vector<std::string> Ids(const std::vector<TriageItem>& items) {
    std::vector<std::string> ids;
    for (const auto& item : items) ids.push_back(item.row.summary.id);
    return ids;
  }

  bool Overdue(const ReportSpec& spec) const {
    const std::string today = "2024-06-15";
    return (spec.status == "new" && today > AddDays(spec.day, 7)) ||
           (spec.first_feedback_day.empty() && spec.status != "closed" && today > AddDays(spec.day, 90));
  }

  std::unique_ptr<TriageQueue> queue_;
  std::vector<ReportSpec> specs_;
  std::vector<std::string> tags_;
};

TEST_F(TriageQueueTest, EachFilterAloneListsExactlyItsReportsAcrossPagesNewestFirst) {
  AddRandomReports();
  const auto session = test::MakeSession(bob_, "reviewer", {"voice_cloning", "workplace_ai_harm"});
  const std::set<std::string> desks = {"voice_cloning", "workplace_ai_harm"};
  struct FilterCase {
    const char* name;
    TriageQuery query;
    std::function<bool(const ReportSpec&)> keep;
  };
  const std::vector<FilterCase> cases_list = {
      {"none", {}, [](const ReportSpec&) { return true; }},
      {"kind", Query({{&TriageQuery::kind, "workplace_ai_harm"}}), [](const ReportSpec& s) { return s.kind == "workplace_ai_harm"; }},
      {"desk", Query({{&TriageQuery::desk, "voice_cloning"}}), [](const ReportSpec& s) { return s.desk == "voice_cloning"; }},
      {"region", Query({{&TriageQuery::region, "africa"}}), [](const ReportSpec& s) { return s.region == "africa"; }},
      {"sector", Query({{&TriageQuery::sector, "education"}}), [](const ReportSpec& s) { return s.sector == "education"; }},
      {"status", Query({{&TriageQuery::status, "in_review"}}), [](const ReportSpec& s) { return s.status == "in_review"; }},
      {"tag", Query({{&TriageQuery::tag, tags_[1]}}), [this](const ReportSpec& s) {
         return std::count(s.tags.begin(), s.tags.end(), tags_[1]) > 0; }},
      {"pillar", Query({{&TriageQuery::pillar, "labor"}}), [](const ReportSpec& s) {
         return std::count(s.pillars.begin(), s.pillars.end(), "labor") > 0; }},
      {"assignee", Query({{&TriageQuery::assignee, alice_}}), [this](const ReportSpec& s) { return s.assignee == alice_; }},
      {"assignee me", Query({{&TriageQuery::assignee, "me"}}), [this](const ReportSpec& s) { return s.assignee == bob_; }},
      {"assignee none", Query({{&TriageQuery::assignee, "none"}}), [](const ReportSpec& s) { return s.assignee.empty(); }},
      {"from", Query({{&TriageQuery::from, "2024-03-01"}}), [](const ReportSpec& s) { return s.day >= "2024-03-01"; }},
      {"to", Query({{&TriageQuery::to, "2024-02-10"}}), [](const ReportSpec& s) { return s.day <= "2024-02-10"; }},
      {"from-to", Query({{&TriageQuery::from, "2024-02-10"}, {&TriageQuery::to, "2024-03-03"}}),
       [](const ReportSpec& s) { return s.day >= "2024-02-10" && s.day <= "2024-03-03"; }},
      {"overdue", Query({{&TriageQuery::overdue, "true"}}), [this](const ReportSpec& s) { return Overdue(s); }},
      {"overdue false", Query({{&TriageQuery::overdue, "false"}}), [](const ReportSpec&) { return true; }},
  };
  for (const FilterCase& c : cases_list) {
    const auto expected = Expected(desks, c.keep);
    ASSERT_FALSE(expected.empty()) << c.name << ": the data must exercise the filter";
    EXPECT_EQ(Ids(AllPages(session, c.query)), expected) << c.name;
    EXPECT_EQ(Ids(AllPages(session, c.query, 100)), expected) << c.name << " in one page";
  }
}

TEST_F(TriageQueueTest, FiltersCombineWithAnd) {
  AddRandomReports();
  const auto session = test::MakeSession(bob_, "reviewer", {"voice_cloning", "workplace_ai_harm"});
  const std::set<std::string> desks = {"voice_cloning", "workplace_ai_harm"};
  EXPECT_EQ(Ids(AllPages(session, Query({{&TriageQuery::kind, "voice_cloning"}, {&TriageQuery::region, "europe"}, {&TriageQuery::status, "new"}}))),
            Expected(desks, [](const ReportSpec& s) {
              return s.kind == "voice_cloning" && s.region == "europe" && s.status == "new";
            }));
  EXPECT_EQ(Ids(AllPages(session, Query({{&TriageQuery::tag, tags_[0]}, {&TriageQuery::pillar, "data"}, {&TriageQuery::assignee, "none"}, {&TriageQuery::from, "2024-02-01"}}))),
            Expected(desks, [this](const ReportSpec& s) {
              return std::count(s.tags.begin(), s.tags.end(), tags_[0]) > 0 &&
                     std::count(s.pillars.begin(), s.pillars.end(), "data") > 0 && s.assignee.empty() &&
                     s.day >= "2024-02-01";
            }));
  EXPECT_EQ(Ids(AllPages(session, Query({{&TriageQuery::sector, "finance"}, {&TriageQuery::status, "new"}, {&TriageQuery::overdue, "true"}}))),
            Expected(desks, [this](const ReportSpec& s) {
              return s.sector == "finance" && s.status == "new" && Overdue(s);
            }));
}

TEST_F(TriageQueueTest, AReviewerSeesOnlyTheirDesksWhateverTheFilter) {
  AddRandomReports();
  const auto alice = test::MakeSession(alice_, "reviewer", {"voice_cloning"});
  EXPECT_EQ(Ids(AllPages(alice, {})), Expected({"voice_cloning"}, [](const ReportSpec&) { return true; }));
  EXPECT_TRUE(AllPages(alice, Query({{&TriageQuery::desk, "workplace_ai_harm"}})).empty());
  EXPECT_TRUE(AllPages(alice, Query({{&TriageQuery::kind, "workplace_ai_harm"}})).empty());
  EXPECT_EQ(Ids(AllPages(alice, Query({{&TriageQuery::assignee, bob_}}))),
            Expected({"voice_cloning"}, [this](const ReportSpec& s) { return s.assignee == bob_; }));
  EXPECT_EQ(Ids(AllPages(alice, Query({{&TriageQuery::tag, tags_[2]}}))), Expected({"voice_cloning"}, [this](const ReportSpec& s) {
              return std::count(s.tags.begin(), s.tags.end(), tags_[2]) > 0;
            }));
  auto counts = queue_->Counts(alice, {});
  ASSERT_TRUE(counts.ok());
  int64_t total = 0;
  for (const auto& [status, count] : *counts) total += count;
  EXPECT_EQ(total, static_cast<int64_t>(Expected({"voice_cloning"}, [](const ReportSpec&) { return true; }).size()));
}

TEST_F(TriageQueueTest, CountsPerStatusMatchTheFilter) {
  AddRandomReports();
  const auto session = test::MakeSession(bob_, "reviewer", {"voice_cloning", "workplace_ai_harm"});
  for (const TriageQuery& query : {TriageQuery{}, Query({{&TriageQuery::region, "global"}}), Query({{&TriageQuery::tag, tags_[0]}}),
                                   Query({{&TriageQuery::overdue, "true"}}), Query({{&TriageQuery::assignee, "none"}})}) {
    auto counts = queue_->Counts(session, query);
    ASSERT_TRUE(counts.ok()) << counts.status().ToString();
    std::map<std::string, int64_t> expected = {
        {"new", 0}, {"acknowledged", 0}, {"in_review", 0}, {"linked_to_case", 0}, {"closed", 0}};
    for (const auto& item : AllPages(session, query, 100)) ++expected[item.row.summary.status];
    EXPECT_EQ(*counts, expected);
  }
  EXPECT_EQ(queue_->Counts(session, Query({{&TriageQuery::status, "new"}})).status().field(), "status");
}

TEST_F(TriageQueueTest, OverdueFollowsTheClockAndTheDeadlines) {
  auto spec = [](const std::string& day, const std::string& status, const std::string& feedback = "") {
    ReportSpec report;
    report.day = day;
    report.status = status;
    report.first_feedback_day = feedback;
    return report;
  };
  ReportSpec new_8_days = spec("2024-06-07", "new");
  ReportSpec new_7_days = spec("2024-06-08", "new");
  ReportSpec review_91_days = spec("2024-03-16", "in_review");
  ReportSpec review_90_days = spec("2024-03-17", "in_review");
  ReportSpec answered = spec("2024-01-01", "in_review", "2024-01-05");
  ReportSpec closed = spec("2024-01-01", "closed");
  for (ReportSpec* report : {&new_8_days, &new_7_days, &review_91_days, &review_90_days, &answered, &closed}) {
    AddReport(*report);
  }
  const auto session = test::MakeSession(alice_, "reviewer", {"voice_cloning"});
  EXPECT_EQ(Ids(AllPages(session, Query({{&TriageQuery::overdue, "true"}}))), (std::vector<std::string>{new_8_days.id, review_91_days.id}));
  auto page = queue_->List(session, {}, 10, "");
  ASSERT_TRUE(page.ok());
  for (const auto& item : page->reports) {
    EXPECT_EQ(item.overdue, item.row.summary.id == new_8_days.id || item.row.summary.id == review_91_days.id);
    if (item.row.summary.id == new_7_days.id) {
      EXPECT_EQ(item.acknowledge_due_day, "2024-06-15");
      EXPECT_EQ(item.feedback_due_day, "2024-09-06");
    }
  }
  clock_.Advance(86400);  // a day later the 7-day and 90-day reports are late too
  EXPECT_EQ(Ids(AllPages(session, Query({{&TriageQuery::overdue, "true"}}))),
            (std::vector<std::string>{new_7_days.id, new_8_days.id, review_90_days.id, review_91_days.id}));
  auto longer = setup_->Execute("UPDATE settings SET value = '30' WHERE key = 'deadline.acknowledge_days'");
  ASSERT_TRUE(longer.ok());
  EXPECT_EQ(Ids(AllPages(session, Query({{&TriageQuery::overdue, "true"}}))), (std::vector<std::string>{review_90_days.id, review_91_days.id}));
}

TEST_F(TriageQueueTest, EachBadValueNamesItsParameter) {
  const auto session = test::MakeSession(alice_, "reviewer", {"voice_cloning"});
  const std::vector<std::pair<TriageQuery, std::string>> bad = {
      {Query({{&TriageQuery::kind, "cats"}}), "kind"},         {Query({{&TriageQuery::desk, "Voice Cloning"}}), "desk"}, {Query({{&TriageQuery::region, "mars"}}), "region"},
      {Query({{&TriageQuery::sector, ""}}), "sector"},         {Query({{&TriageQuery::status, "done"}}), "status"},      {Query({{&TriageQuery::tag, "abc"}}), "tag"},
      {Query({{&TriageQuery::pillar, "labour"}}), "pillar"},   {Query({{&TriageQuery::assignee, "you"}}), "assignee"},   {Query({{&TriageQuery::from, "2024-02-30"}}), "from"},
      {Query({{&TriageQuery::to, "yesterday"}}), "to"},        {Query({{&TriageQuery::overdue, "1"}}), "overdue"},
      {Query({{&TriageQuery::from, "2024-03-01"}, {&TriageQuery::to, "2024-02-01"}}), "from"},
  };
  for (const auto& [query, field] : bad) {
    const Status status = queue_->List(session, query, 10, "").status();
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << field;
    EXPECT_EQ(status.field(), field);
  }
  EXPECT_EQ(queue_->List(session, {}, 0, "").status().field(), "limit");
  EXPECT_EQ(queue_->List(session, {}, 101, "").status().field(), "limit");
  EXPECT_EQ(queue_->List(session, {}, 10, "2024-01-01.xyz").status().field(), "after");
  EXPECT_EQ(queue_->List(test::MakeSession(alice_, "partner", {}), {}, 10, "").status().code(),
            StatusCode::kPermissionDenied);
}

TEST(PlanTriageWalksTest, EachFilterWalksTheIndexThatServesIt) {
  using store::TriageDriver;
  const std::vector<std::string> desks = {"a", "b"};
  auto drivers = [&](const TriageFilter& filter, bool counts = false) {
    std::vector<std::pair<TriageDriver, std::string>> out;
    for (const auto& walk : PlanTriageWalks(filter, desks, counts)) out.push_back({walk.driver, walk.key});
    return out;
  };
  auto Filter = [](std::initializer_list<std::pair<std::string TriageFilter::*, std::string>> values) {
    TriageFilter filter;
    for (const auto& [member, value] : values) filter.*member = value;
    return filter;
  };
  TriageFilter overdue;
  overdue.overdue = true;
  using W = std::vector<std::pair<TriageDriver, std::string>>;
  EXPECT_EQ(drivers({}), (W{{TriageDriver::kDesk, "a"}, {TriageDriver::kDesk, "b"}}));
  EXPECT_EQ(drivers(Filter({{&TriageFilter::region, "x"}})), (W{{TriageDriver::kDesk, "a"}, {TriageDriver::kDesk, "b"}}));
  EXPECT_EQ(drivers(Filter({{&TriageFilter::status, "new"}, {&TriageFilter::tag_id, "t"}})), (W{{TriageDriver::kTag, "t"}}));
  EXPECT_EQ(drivers(Filter({{&TriageFilter::status, "new"}, {&TriageFilter::pillar, "p"}})), (W{{TriageDriver::kPillar, "p"}}));
  EXPECT_EQ(drivers(Filter({{&TriageFilter::status, "new"}, {&TriageFilter::assignee_id, "u"}})), (W{{TriageDriver::kAssignee, "u"}}));
  EXPECT_EQ(drivers(Filter({{&TriageFilter::status, "closed"}})), (W{{TriageDriver::kStatus, "closed"}}));
  EXPECT_EQ(drivers(overdue), (W{{TriageDriver::kStatus, "new"},
                                           {TriageDriver::kStatus, "acknowledged"},
                                           {TriageDriver::kStatus, "in_review"},
                                           {TriageDriver::kStatus, "linked_to_case"}}));
  EXPECT_EQ(drivers({}, true).size(), 5u);
  EXPECT_TRUE(PlanTriageWalks({}, {}, false).empty());
}

}  // namespace
}  // namespace pillarbox::cases
