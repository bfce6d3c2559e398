#include "store/sqlite_report_store.h"

#include <gtest/gtest.h>

#include "store_test_util.h"
#include "support/sealed_report_fixture.h"
#include "support/temp_dir.h"

namespace pillarbox::store {
namespace {

using test::CompletionLog;
using test::QueryInt;

class SqliteReportStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::unique_ptr<Database> db = test::OpenMigratedDatabase(dir_.File("test.db"));
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(InsertDesk(*db, test::MakeDesk("test_desk", {"voice_cloning"})).ok());
    writer_ = std::make_unique<GroupCommitWriter>(std::move(db), GroupCommitWriter::Options{});
    store_ = std::make_unique<SqliteReportStore>(*writer_);
  }
  int64_t StoredReports() {
    Result<std::unique_ptr<Database>> reader = Database::Open(dir_.File("test.db"), OpenMode::kReadOnly);
    EXPECT_TRUE(reader.ok());
    return reader.ok() ? QueryInt(**reader, "SELECT COUNT(*) FROM reports") : -1;
  }

  pillarbox::testing::TempDir dir_;
  std::unique_ptr<GroupCommitWriter> writer_;
  std::unique_ptr<SqliteReportStore> store_;
};

TEST_F(SqliteReportStoreTest, InsertIsCommittedBeforeCompletion) {
  CompletionLog log(1);
  int64_t visible_at_completion = -1;
  ASSERT_TRUE(store_
                  ->Insert(pillarbox::testing::MakeSealedReport(),
                           [&](Status status) {
                             visible_at_completion = StoredReports();
                             log.Completion(0)(std::move(status));
                           })
                  .ok());
  log.WaitForCalls(1);
  EXPECT_TRUE(log.status(0).ok()) << log.status(0).ToString();
  EXPECT_EQ(visible_at_completion, 1);  // durable and visible to another connection
}

TEST_F(SqliteReportStoreTest, DuplicateReachesCompletionAsConflict) {
  const intake::SealedReport report = pillarbox::testing::MakeSealedReport();
  CompletionLog log(2);
  ASSERT_TRUE(store_->Insert(report, log.Completion(0)).ok());
  ASSERT_TRUE(store_->Insert(report, log.Completion(1)).ok());
  log.WaitForCalls(2);
  EXPECT_TRUE(log.status(0).ok());
  EXPECT_EQ(log.status(1).code(), StatusCode::kConflict);
  EXPECT_EQ(StoredReports(), 1);
}

TEST_F(SqliteReportStoreTest, InsertAfterStopIsUnavailable) {
  writer_->Stop();
  bool called = false;
  const Status status = store_->Insert(pillarbox::testing::MakeSealedReport(), [&](const Status&) { called = true; });
  EXPECT_EQ(status.code(), StatusCode::kUnavailable);
  EXPECT_FALSE(called);
  EXPECT_EQ(StoredReports(), 0);
}

}  // namespace
}  // namespace pillarbox::store
