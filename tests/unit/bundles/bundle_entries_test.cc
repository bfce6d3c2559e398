#include "bundles/bundle_entries.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace pillarbox::bundles {
namespace {

using nlohmann::json;

const std::string kCase(32, 'c');
const std::string kReportA(32, 'a');
const std::string kReportB(32, 'b');
const std::string kFile(32, 'f');
const std::string kReviewer(32, 'e');

BundleSource Source() {
  BundleSource source;
  source.case_id = kCase;
  source.case_title = "Cloned voices at a call centre";
  source.case_status = "open";
  source.case_created_day = "2024-06-01";
  source.pillars = {"labor", "surveillance"};
  store::ActionRecord action;
  action.id = std::string(32, 'd');
  action.kind = "protest_campaign";
  action.subtype = "union_petition";
  action.name = "Petition";
  action.organization = "A union";
  action.region = "europe";
  action.status = "active";
  source.actions = {action};
  ReportSource a;
  a.summary = {kReportA, "voice_cloning", "voice", "2024-05-17", "eu", "finance", "linked_to_case", false};
  a.clear_answers = {{"harm_types", "financial"}, {"harm_types", "emotional"}};
  a.answers = {{"narrative", "Anna Berg cloned my voice"}, {"contact", "anna@example.org"}};
  store::RedactionRecord span;
  span.field = "narrative";
  span.span_start = 0;
  span.span_end = 9;
  store::RedactionRecord whole;
  whole.field = "contact";
  a.redactions = {span, whole};
  a.file_ids = {kFile};
  a.file_extensions = {"jpg"};
  ReportSource b;
  b.summary = {kReportB, "voice_cloning", "voice", "2024-05-20", "eu", "retail", "linked_to_case", false};
  b.answers = {{"narrative", "nothing to hide"}};
  source.reports = {a, b};
  audit::AuditEntry created{7, 1717000000, kReviewer, "case.created", "case", kCase, "", {}, {}};
  created.prev_mac.assign(32, 1);
  created.mac.assign(32, 2);
  audit::AuditEntry added{9, 1717000100, kReviewer, "case.report.added", "case", kCase, "report=" + kReportB, {}, {}};
  added.prev_mac.assign(32, 3);
  added.mac.assign(32, 4);
  audit::AuditEntry file{12, 1717000200, kReviewer, "evidence.downloaded", "report", kReportA,
                         "file=" + kFile + ";other=" + std::string(32, '9'), {}, {}};
  file.prev_mac.assign(32, 5);
  file.mac.assign(32, 6);
  source.custody = {created, added, file};
  source.head_seq = 12;
  source.head_tag_hex = std::string(64, '7');
  return source;
}

std::map<std::string, std::string> Entries(const BundleSource& source) {
  auto entries = BuildJsonEntries(source);
  EXPECT_TRUE(entries.ok()) << entries.status().ToString();
  std::map<std::string, std::string> out;
  if (entries.ok()) {
    for (auto& [path, content] : *entries) out[path] = content;
  }
  return out;
}

TEST(BundleEntriesTest, ListsTheEntriesWithOrdinalReportNumbers) {
  const auto entries = Entries(Source());
  std::vector<std::string> paths;
  for (const auto& [path, content] : entries) paths.push_back(path);
  EXPECT_EQ(paths, (std::vector<std::string>{"actions.json", "case.json", "custody.json", "pillars.json",
                                             "reports/1/answers.json", "reports/2/answers.json"}));
  EXPECT_EQ(FilePath(1, 1, "jpg"), "reports/1/files/1.jpg");
  EXPECT_EQ(FilePath(2, 3, "../x"), "reports/2/files/3.bin");
}

TEST(BundleEntriesTest, AnswersCarryTheRedactionsAndNoRedactedText) {
  const auto entries = Entries(Source());
  const json answers = json::parse(entries.at("reports/1/answers.json"));
  EXPECT_EQ(answers["report"], 1);
  EXPECT_EQ(answers["answers"][0]["field"], "narrative");
  EXPECT_EQ(answers["answers"][0]["value"], "[redacted] cloned my voice");
  EXPECT_EQ(answers["answers"][1]["value"], "[redacted]");
  EXPECT_EQ(answers["clear_answers"]["harm_types"], (json{"financial", "emotional"}));
  EXPECT_EQ(answers["files"], (json{"reports/1/files/1.jpg"}));
  const json second = json::parse(entries.at("reports/2/answers.json"));
  EXPECT_EQ(second["answers"][0]["value"], "nothing to hide");
  for (const auto& [path, content] : entries) {
    EXPECT_EQ(content.find("Anna Berg"), std::string::npos) << path;
    EXPECT_EQ(content.find("anna@example.org"), std::string::npos) << path;
  }
}

TEST(BundleEntriesTest, NoInternalIdLeavesInAnyEntry) {
  const auto entries = Entries(Source());
  for (const auto& [path, content] : entries) {
    for (const std::string& id : {kCase, kReportA, kReportB, kFile, kReviewer, std::string(32, '9'),
                                  std::string(32, 'd')}) {
      EXPECT_EQ(content.find(id), std::string::npos) << path << " holds " << id;
    }
  }
  const json summary = json::parse(entries.at("case.json"));
  EXPECT_EQ(summary["title"], "Cloned voices at a call centre");
  EXPECT_EQ(summary["report_count"], 2);
  EXPECT_EQ(summary["pillars"], (json{"labor", "surveillance"}));
  EXPECT_EQ(summary["actions"][0]["name"], "Petition");
  EXPECT_FALSE(summary.contains("summary"));
}

TEST(BundleEntriesTest, CustodyKeepsSeqAndMacsAndAliasesIds) {
  const json custody = json::parse(Entries(Source()).at("custody.json"));
  ASSERT_EQ(custody["entries"].size(), 3u);
  const json& first = custody["entries"][0];
  EXPECT_EQ(first["seq"], 7);
  EXPECT_EQ(first["object_id"], "case");
  EXPECT_EQ(first["actor"], "staff-1");
  EXPECT_EQ(first["prev_mac"], "0101010101010101010101010101010101010101010101010101010101010101");
  EXPECT_EQ(first["mac"], "0202020202020202020202020202020202020202020202020202020202020202");
  EXPECT_EQ(custody["entries"][1]["detail"], "report=report-2");
  EXPECT_EQ(custody["entries"][2]["object_id"], "report-1");
  EXPECT_EQ(custody["entries"][2]["detail"], "file=report-1/file-1;other=ref-1");
  EXPECT_EQ(custody["entries"][2]["actor"], "staff-1");
  EXPECT_EQ(custody["head"]["seq"], 12);
  EXPECT_EQ(custody["head"]["tag"], std::string(64, '7'));
}

TEST(BundleEntriesTest, AStoredSpanThatNoLongerFitsRefusesTheBundle) {
  BundleSource source = Source();
  source.reports[0].redactions[0].span_end = 400;
  const auto entries = BuildJsonEntries(source);
  EXPECT_EQ(entries.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(entries.status().field(), "span");
}

}  // namespace
}  // namespace pillarbox::bundles
