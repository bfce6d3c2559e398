#include "cases/action_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "case_test_fixture.h"
#include "cases/report_access.h"

namespace pillarbox::cases::test {
namespace {

using ActionServiceTest = CaseServicesTest;

NewAction Petition() {
  NewAction action;
  action.kind = "protest_campaign";
  action.subtype = "union_petition";
  action.name = "Petition against algorithmic wage setting";
  action.organization = "A union";
  action.region = "asia_oceania";
  action.status = "active";
  action.start_day = "2025-02-03";
  return action;
}

TEST_F(ActionServiceTest, CreateStoresTheActionWithItsAuditEntry) {
  auto created = services_->actions.Create(*alice_, Petition());
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_TRUE(IsRandomId(created->id));
  EXPECT_EQ(created->revision, 0);
  EXPECT_FALSE(created->demo);
  EXPECT_EQ(Text("SELECT name FROM actions WHERE id = ?", created->id), "Petition against algorithmic wage setting");
  EXPECT_EQ(Text("SELECT end_day IS NULL FROM actions WHERE id = ?", created->id), "1");
  EXPECT_EQ(Text("SELECT detail FROM audit_log WHERE action = 'action.created' AND object_id = ?", created->id),
            "kind=protest_campaign;subtype=union_petition;status=active");
  EXPECT_EQ(Text("SELECT actor FROM audit_log WHERE action = 'action.created' AND object_id = ?", created->id),
            alice_->identity.user_id);
}

TEST_F(ActionServiceTest, BadFieldsAndRolesStoreNothing) {
  NewAction bad = Petition();
  bad.subtype = "class_action";
  EXPECT_EQ(services_->actions.Create(*alice_, bad).status().field(), "subtype");
  EXPECT_EQ(services_->actions.Create(*partner_, Petition()).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(services_->actions.Create(*researcher_, Petition()).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Count("SELECT count(*) FROM actions"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'action.created'"), 0);
}

TEST_F(ActionServiceTest, ListFiltersAndWhoMayRead) {
  ASSERT_TRUE(services_->actions.Create(*alice_, Petition()).ok());
  NewAction lawsuit = Petition();
  lawsuit.kind = "legal_action";
  lawsuit.subtype = "lawsuit";
  lawsuit.name = "a lawsuit";  // sorts first, ignoring case
  lawsuit.region = "europe";
  lawsuit.status = "planned";
  ASSERT_TRUE(services_->actions.Create(*bob_, lawsuit).ok());

  auto all = services_->actions.List(*partner_, {});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].name, "a lawsuit");
  auto europe = services_->actions.List(*alice_, {std::nullopt, std::nullopt, "europe"});
  ASSERT_TRUE(europe.ok());
  ASSERT_EQ(europe->size(), 1u);
  EXPECT_EQ((*europe)[0].subtype, "lawsuit");
  auto none = services_->actions.List(*alice_, {"legal_action", "active", std::nullopt});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  EXPECT_EQ(services_->actions.List(*alice_, {"picnic", std::nullopt, std::nullopt}).status().field(), "kind");
  EXPECT_EQ(services_->actions.List(*alice_, {std::nullopt, "open", std::nullopt}).status().field(), "status");
  EXPECT_EQ(services_->actions.List(*researcher_, {}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(services_->actions.Open(*researcher_, (*all)[0].id).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(services_->actions.Open(*alice_, std::string(32, 'a')).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(services_->actions.Open(*alice_, "../etc").status().code(), StatusCode::kNotFound);
}

TEST_F(ActionServiceTest, UpdateChecksTheRevisionAndTheWholeAction) {
  auto created = services_->actions.Create(*alice_, Petition());
  ASSERT_TRUE(created.ok());
  const std::string id = created->id;
  ActionUpdate update;
  update.revision = 0;
  update.status = "won";
  update.end_day = "2025-06-30";
  auto changed = services_->actions.Update(*bob_, id, update);
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_EQ(changed->revision, 1);
  EXPECT_EQ(changed->status, "won");
  EXPECT_EQ(changed->name, Petition().name);
  EXPECT_EQ(Text("SELECT detail FROM audit_log WHERE action = 'action.changed' AND object_id = ?", id),
            "revision=1;from=active;to=won;days=changed");

  auto stale = services_->actions.Update(*alice_, id, update);  // revision 0 again
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_EQ(stale.status().field(), "revision");

  ActionUpdate same;
  same.revision = 1;
  same.status = "won";
  auto unchanged = services_->actions.Update(*alice_, id, same);
  ASSERT_TRUE(unchanged.ok());
  EXPECT_EQ(unchanged->revision, 1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'action.changed'"), 1);

  ActionUpdate wrong_kind;
  wrong_kind.revision = 1;
  wrong_kind.kind = "legal_action";  // union_petition is not a legal action
  EXPECT_EQ(services_->actions.Update(*alice_, id, wrong_kind).status().field(), "subtype");
  wrong_kind.subtype = "class_action";
  wrong_kind.name = "Class action";
  auto moved = services_->actions.Update(*alice_, id, wrong_kind);
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->kind, "legal_action");
  EXPECT_EQ(Text("SELECT detail FROM audit_log WHERE action = 'action.changed' AND object_id = ? ORDER BY seq DESC",
                 id),
            "revision=2;kind=legal_action;subtype=class_action;name=changed");

  ActionUpdate early;
  early.revision = 2;
  early.end_day = "2025-01-01";  // before the stored start_day
  EXPECT_EQ(services_->actions.Update(*alice_, id, early).status().field(), "end_day");
  early.revision = -1;
  EXPECT_EQ(services_->actions.Update(*alice_, id, early).status().field(), "revision");
  EXPECT_EQ(services_->actions.Update(*partner_, id, same).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Count("SELECT revision FROM actions WHERE id = ?", id), 2);
}

TEST_F(ActionServiceTest, ConcurrentChangesOfOneRevisionLetExactlyOneLand) {
  auto created = services_->actions.Create(*alice_, Petition());
  ASSERT_TRUE(created.ok());
  std::atomic<int> landed{0}, conflicts{0};
  std::vector<std::thread> threads;
  for (const char* status : {"won", "lost", "settled", "ended"}) {
    threads.emplace_back([&, status] {
      ActionUpdate update;
      update.revision = 0;
      update.status = status;
      const auto result = services_->actions.Update(*alice_, created->id, update);
      if (result.ok()) ++landed;
      if (result.status().code() == StatusCode::kConflict) ++conflicts;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(landed.load(), 1);
  EXPECT_EQ(conflicts.load(), 3);
  EXPECT_EQ(Count("SELECT revision FROM actions WHERE id = ?", created->id), 1);
}

TEST_F(ActionServiceTest, LinkingRecordsTheTimelineAndShowsOnBothSides) {
  auto action = services_->actions.Create(*alice_, Petition());
  ASSERT_TRUE(action.ok());
  const std::string id = CreateCase(*alice_, kVoice);
  auto linked = services_->linker.AddAction(*alice_, id, action->id);
  ASSERT_TRUE(linked.ok()) << linked.status().ToString();
  EXPECT_TRUE(linked->changed);
  EXPECT_EQ(linked->revision, 1);
  EXPECT_FALSE(services_->linker.AddAction(*both_, id, action->id)->changed);
  EXPECT_EQ(Text("SELECT detail FROM case_events WHERE case_id = ? AND event = 'case.action.linked'", id),
            "action=" + action->id);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'case.action.linked'"), 1);

  auto view = services_->reader.Open(*alice_, id);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->action_ids, std::vector<std::string>{action->id});
  auto opened = services_->actions.Open(*alice_, action->id);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->case_ids, std::vector<std::string>{id});
  EXPECT_TRUE(services_->actions.Open(*bob_, action->id)->case_ids.empty());      // another desk
  EXPECT_TRUE(services_->actions.Open(*partner_, action->id)->case_ids.empty());  // never cases

  EXPECT_EQ(services_->linker.AddAction(*bob_, id, action->id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(services_->linker.AddAction(*partner_, id, action->id).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(services_->linker.AddAction(*alice_, id, std::string(32, 'e')).status().field(), "action");
  EXPECT_EQ(services_->linker.AddAction(*alice_, id, "nope").status().field(), "action");

  auto unlinked = services_->linker.RemoveAction(*alice_, id, action->id);
  ASSERT_TRUE(unlinked.ok());
  EXPECT_TRUE(unlinked->changed);
  EXPECT_EQ(unlinked->revision, 2);
  EXPECT_FALSE(services_->linker.RemoveAction(*alice_, id, action->id)->changed);
  EXPECT_EQ(Count("SELECT count(*) FROM case_actions"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM case_events WHERE case_id = ? AND event = 'case.action.unlinked'", id), 1);
}

}  // namespace
}  // namespace pillarbox::cases::test
