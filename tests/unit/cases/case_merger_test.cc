#include "cases/case_merger.h"

#include <gtest/gtest.h>

#include "case_test_fixture.h"

namespace pillarbox::cases::test {
namespace {

class CaseMergerTest : public CaseServicesTest {
 protected:
  // An action row (the actions catalogue belongs to another part) linked to `case_id`.
  std::string LinkAction(const std::string& case_id) {
    const std::string action = privacy::ToHex(privacy::RandomBytes(16));
    EXPECT_TRUE(Write([&](store::Database& db) -> Status {
                  static constexpr char kActionSql[] =
                      "INSERT INTO actions (id, kind, subtype, name, organization, jurisdiction, region, status) "
                      "VALUES (?, 'legal', 'lawsuit', 'A lawsuit', '', '', 'europe', 'planned')";
                  PB_ASSIGN_OR_RETURN(store::Statement * insert, db.Prepare(kActionSql));
                  insert->BindText(1, action);
                  PB_RETURN_IF_ERROR(insert->Run());
                  static constexpr char kLinkSql[] = "INSERT INTO case_actions (case_id, action_id) VALUES (?, ?)";
                  PB_ASSIGN_OR_RETURN(store::Statement * link, db.Prepare(kLinkSql));
                  link->BindText(1, case_id);
                  link->BindText(2, action);
                  return link->Run();
                }).ok());
    return action;
  }
};

TEST_F(CaseMergerTest, MergeMovesEverythingInOneStep) {
  const std::string source = CreateCase(*alice_, kVoice, "source");
  const std::string target = CreateCase(*alice_, kVoice, "target");
  const std::string shared = AddReport(kVoice), only_source = AddReport(kVoice), only_target = AddReport(kVoice);
  const std::string tag = AddTag("deepfake");
  for (const std::string& report : {shared, only_source}) ASSERT_TRUE(services_->linker.AddReport(*alice_, source, report).ok());
  for (const std::string& report : {shared, only_target}) ASSERT_TRUE(services_->linker.AddReport(*alice_, target, report).ok());
  ASSERT_TRUE(services_->linker.AddTag(*alice_, source, tag).ok());
  ASSERT_TRUE(services_->linker.AddPillar(*alice_, source, "labor").ok());
  ASSERT_TRUE(services_->linker.AddPillar(*alice_, target, "labor").ok());
  const std::string action = LinkAction(source);
  ASSERT_TRUE(services_->notebook.Add(*alice_, source, "note from the source").ok());
  clock_.Advance(10);
  ASSERT_TRUE(services_->notebook.Add(*alice_, target, "note of the target").ok());

  auto merged = services_->merger.Merge(*alice_, source, target);
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ(merged->reports_moved, 1);

  auto view = services_->reader.Open(*alice_, target);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->reports.size(), 3u);
  ASSERT_EQ(view->tags.size(), 1u);
  EXPECT_EQ(view->tags[0].id, tag);
  EXPECT_EQ(view->pillars, std::vector<std::string>{"labor"});
  EXPECT_EQ(view->action_ids, std::vector<std::string>{action});
  EXPECT_EQ(view->timeline.back().event, "case.merged.from");
  EXPECT_EQ(view->timeline.back().detail, "from=" + source + ";reports=1;notes=1");
  EXPECT_EQ(view->record.revision, merged->target_revision);

  auto notes = services_->notebook.List(*alice_, target);
  ASSERT_TRUE(notes.ok()) << notes.status().ToString();
  ASSERT_EQ(notes->size(), 2u);
  EXPECT_EQ((*notes)[0].body, "note from the source");  // re-sealed under the target's key
  EXPECT_EQ((*notes)[1].body, "note of the target");

  auto old = services_->reader.Open(*alice_, source);
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->record.status, "merged");
  EXPECT_EQ(old->record.merged_into, target);
  EXPECT_TRUE(old->reports.empty());
  EXPECT_TRUE(old->tags.empty() && old->pillars.empty() && old->action_ids.empty());
  EXPECT_EQ(old->timeline.back().event, "case.merged.into");
  EXPECT_EQ(old->timeline.back().detail, "into=" + target);
  EXPECT_TRUE(services_->notebook.List(*alice_, source)->empty());
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action LIKE 'case.merged.%'"), 2);

  // A merged case no longer changes.
  EXPECT_EQ(services_->linker.AddReport(*alice_, source, shared).status().code(), StatusCode::kConflict);
  EXPECT_EQ(services_->notebook.Add(*alice_, source, "late").status().code(), StatusCode::kConflict);
  EXPECT_EQ(services_->editor.Update(*alice_, source, {old->record.revision, "x", std::nullopt, std::nullopt})
                .status()
                .code(),
            StatusCode::kConflict);
  EXPECT_EQ(services_->merger.Merge(*alice_, source, target).status().code(), StatusCode::kConflict);
}

TEST_F(CaseMergerTest, IllegalMergesChangeNothing) {
  const std::string a = CreateCase(*both_, kVoice), b = CreateCase(*both_, kVoice), c = CreateCase(*both_, kVoice);
  const std::string work = CreateCase(*both_, kWork);
  ASSERT_TRUE(services_->merger.Merge(*both_, b, c).ok());

  EXPECT_EQ(services_->merger.Merge(*both_, a, a).status().code(), StatusCode::kConflict);
  EXPECT_EQ(services_->merger.Merge(*both_, a, b).status().code(), StatusCode::kConflict);  // b is merged
  for (const std::string& into : {work, std::string(32, 'e'), std::string("nope")}) {
    auto merged = services_->merger.Merge(*both_, a, into);
    EXPECT_EQ(merged.status().code(), StatusCode::kInvalidArgument) << into;
    EXPECT_EQ(merged.status().field(), "into");
  }
  // alice cannot see the workplace desk: same 400 as a missing case.
  EXPECT_EQ(services_->merger.Merge(*alice_, a, work).status().field(), "into");
  EXPECT_EQ(services_->merger.Merge(*bob_, a, c).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(services_->merger.Merge(*partner_, a, c).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Text("SELECT status FROM cases WHERE id = ?", a), "open");
  EXPECT_EQ(Count("SELECT count(*) FROM cases WHERE status = 'merged'"), 1);
}

}  // namespace
}  // namespace pillarbox::cases::test
