#include "cases/workflow_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <optional>
#include <thread>

#include "audit/audit_log.h"
#include "cases/deadlines.h"
#include "cases_fixture.h"
#include "store/group_commit_writer.h"

namespace pillarbox::cases {
namespace {

class WorkflowServiceTest : public test::CasesDatabaseTest {
 protected:
  void SetUp() override {
    CasesDatabaseTest::SetUp();
    carol_ = AddUser("carol", "partner", {});
    dave_ = AddUser("dave", "reviewer", {"workplace_ai_harm"});
    report_.day = "2024-06-01";
    AddReport(report_);
    auto db = store::Database::Open(path_, store::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok());
    writer_ = std::make_unique<store::GroupCommitWriter>(std::move(*db), store::GroupCommitWriter::Options{});
    service_ = std::make_unique<WorkflowService>(*writer_, audit_key_, clock_);
    settings_ = std::make_unique<DeadlineSettings>(*readers_, *writer_, audit_key_, clock_);
    alice_session_.emplace(test::MakeSession(alice_, "reviewer", {"voice_cloning"}));
  }

  std::string Column(const char* sql) {
    auto lease = readers_->Acquire();
    auto select = lease.db().Prepare(sql);
    (*select)->BindText(1, report_.id);
    auto row = (*select)->Step();
    std::string value = (row.ok() && *row) ? (*select)->ColumnText(0) : "<none>";
    (*select)->Reset();
    return value;
  }

  std::vector<audit::AuditEntry> Audit() {
    auto lease = readers_->Acquire();
    auto entries = audit::ListAuditEntries(lease.db(), 0, 100);
    EXPECT_TRUE(entries.ok());
    return entries.ok() ? *entries : std::vector<audit::AuditEntry>{};
  }

  privacy::SecretKey audit_key_ = privacy::SecretKey::Random();
  std::string carol_, dave_;
  test::ReportSpec report_;
  std::unique_ptr<store::GroupCommitWriter> writer_;
  std::unique_ptr<WorkflowService> service_;
  std::unique_ptr<DeadlineSettings> settings_;
  std::optional<accounts::Session> alice_session_;
};

TEST_F(WorkflowServiceTest, AStatusChangeBumpsTheRevisionSetsTheDayAndIsAudited) {
  auto acknowledged = service_->ChangeStatus(*alice_session_, report_.id, {"acknowledged", "", 0});
  ASSERT_TRUE(acknowledged.ok()) << acknowledged.status().ToString();
  EXPECT_EQ(acknowledged->row.summary.status, "acknowledged");
  EXPECT_EQ(acknowledged->row.revision, 1);
  EXPECT_EQ(acknowledged->row.acknowledged_day, "2024-06-15");
  clock_.Advance(3 * 86400);
  auto closed = service_->ChangeStatus(*alice_session_, report_.id, {"closed", "duplicate", 1});
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_EQ(Column("SELECT status || '/' || close_reason || '/' || acknowledged_day || '/' || revision "
                   "FROM reports WHERE id = ?"),
            "closed/duplicate/2024-06-15/2");
  auto reopened = service_->ChangeStatus(*alice_session_, report_.id, {"in_review", "", 2});
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(reopened->row.close_reason, "");
  EXPECT_EQ(Column("SELECT coalesce(close_reason, 'NULL') FROM reports WHERE id = ?"), "NULL");
  const auto entries = Audit();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].action, "report.status.changed");
  EXPECT_EQ(entries[0].object_id, report_.id);
  EXPECT_EQ(entries[0].actor, alice_);
  EXPECT_EQ(entries[0].detail, "from=new;to=acknowledged");
  EXPECT_EQ(entries[1].detail, "from=acknowledged;to=closed;reason=duplicate");
  EXPECT_EQ(entries[2].detail, "from=closed;to=in_review");
}

TEST_F(WorkflowServiceTest, IllegalMovesAndStaleRevisionsAreConflictsAndWriteNothing) {
  const Status back = service_->ChangeStatus(*alice_session_, report_.id, {"new", "", 0}).status();
  EXPECT_EQ(back.code(), StatusCode::kConflict);
  EXPECT_EQ(back.field(), "status");
  ASSERT_TRUE(service_->ChangeStatus(*alice_session_, report_.id, {"in_review", "", 0}).ok());
  const Status stale = service_->ChangeStatus(*alice_session_, report_.id, {"closed", "actioned", 0}).status();
  EXPECT_EQ(stale.code(), StatusCode::kConflict);
  EXPECT_EQ(stale.field(), "revision");
  const Status stale_assign = service_->Assign(*alice_session_, report_.id, alice_, 0).status();
  EXPECT_EQ(stale_assign.field(), "revision");
  EXPECT_EQ(service_->ChangeStatus(*alice_session_, report_.id, {"closed", "", 1}).status().field(), "reason");
  EXPECT_EQ(Column("SELECT status || '/' || revision FROM reports WHERE id = ?"), "in_review/1");
  EXPECT_EQ(Audit().size(), 1u);
}

TEST_F(WorkflowServiceTest, TwoWritersWithTheSameRevisionOneWinsOneConflicts) {
  const auto bob_session = test::MakeSession(bob_, "reviewer", {"voice_cloning"});
  for (int round = 0; round < 10; ++round) {
    const int64_t revision = std::stoll(Column("SELECT revision FROM reports WHERE id = ?"));
    std::atomic<int> wins{0}, conflicts{0};
    auto attempt = [&](const accounts::Session& session, const std::string& assignee) {
      const Status status = service_->Assign(session, report_.id, assignee, revision).status();
      if (status.ok()) ++wins;
      if (status.code() == StatusCode::kConflict && status.field() == "revision") ++conflicts;
    };
    std::thread first(attempt, std::cref(*alice_session_), alice_);
    std::thread second(attempt, std::cref(bob_session), bob_);
    first.join();
    second.join();
    EXPECT_EQ(wins.load(), 1);
    EXPECT_EQ(conflicts.load(), 1);
    EXPECT_EQ(std::stoll(Column("SELECT revision FROM reports WHERE id = ?")), revision + 1);
  }
  EXPECT_EQ(Audit().size(), 10u);
}

TEST_F(WorkflowServiceTest, OnlyEnabledReviewersOfTheReportsDeskCanBeAssigned) {
  auto assigned = service_->Assign(*alice_session_, report_.id, bob_, 0);
  ASSERT_TRUE(assigned.ok()) << assigned.status().ToString();
  EXPECT_EQ(assigned->row.assignee_id, bob_);
  EXPECT_EQ(Audit().back().detail, "assignee=" + bob_);
  for (const std::string& wrong : {dave_, carol_, std::string(32, 'a'), std::string("not-an-id")}) {
    const Status status = service_->Assign(*alice_session_, report_.id, wrong, 1).status();
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << wrong;
    EXPECT_EQ(status.field(), "assignee");
  }
  ASSERT_TRUE(setup_->Execute("UPDATE users SET disabled = 1 WHERE username = 'alice'").ok());
  EXPECT_EQ(service_->Assign(*alice_session_, report_.id, alice_, 1).status().field(), "assignee");
  auto unassigned = service_->Assign(*alice_session_, report_.id, "", 1);
  ASSERT_TRUE(unassigned.ok());
  EXPECT_EQ(Column("SELECT coalesce(assignee_id, 'NULL') || '/' || revision FROM reports WHERE id = ?"), "NULL/2");
  EXPECT_EQ(Audit().back().detail, "assignee=none");
}

TEST_F(WorkflowServiceTest, OtherDesksAndOtherRolesCannotChangeAReport) {
  const auto dave = test::MakeSession(dave_, "reviewer", {"workplace_ai_harm"});
  EXPECT_EQ(service_->ChangeStatus(dave, report_.id, {"acknowledged", "", 0}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(service_->Assign(dave, report_.id, "", 0).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(service_->ChangeStatus(dave, std::string(32, 'b'), {"acknowledged", "", 0}).status().code(),
            StatusCode::kNotFound);
  const auto carol = test::MakeSession(carol_, "partner", {});
  EXPECT_EQ(service_->ChangeStatus(carol, report_.id, {"acknowledged", "", 0}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(Column("SELECT revision FROM reports WHERE id = ?"), "0");
}

TEST_F(WorkflowServiceTest, AdminsChangeDeadlinesWithinLimitsAndItIsAudited) {
  const auto admin = test::MakeSession(bob_, "admin", {"voice_cloning"});
  EXPECT_EQ(*settings_->Get(*alice_session_), (Deadlines{7, 90}));
  EXPECT_EQ(settings_->Update(*alice_session_, {3, 30}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(settings_->Update(admin, {0, 30}).status().field(), "acknowledge_days");
  EXPECT_EQ(settings_->Update(admin, {3, 366}).status().field(), "feedback_days");
  ASSERT_TRUE(settings_->Update(admin, {3, 30}).ok());
  EXPECT_EQ(*settings_->Get(*alice_session_), (Deadlines{3, 30}));
  EXPECT_EQ(Audit().back().action, "settings.deadlines.changed");
  EXPECT_EQ(Audit().back().detail, "acknowledge_days=3;feedback_days=30");
  auto item = service_->ChangeStatus(*alice_session_, report_.id, {"acknowledged", "", 0});
  ASSERT_TRUE(item.ok());
  EXPECT_EQ(item->acknowledge_due_day, "2024-06-04");
  EXPECT_EQ(item->feedback_due_day, "2024-07-01");
}

}  // namespace
}  // namespace pillarbox::cases
