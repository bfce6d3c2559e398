#include "store/transaction.h"

#include <gtest/gtest.h>

#include "store/savepoint.h"
#include "store_test_util.h"
#include "support/temp_dir.h"

namespace pillarbox::store {
namespace {

using test::QueryInt;

class TransactionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Database>> db = Database::Open(dir_.File("test.db"), OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->Execute("CREATE TABLE t (x INTEGER NOT NULL UNIQUE)").ok());
  }
  Status Insert(int64_t x) {
    static constexpr char kInsertSql[] = "INSERT INTO t (x) VALUES (?)";
    PB_ASSIGN_OR_RETURN(Statement * insert, db_->Prepare(kInsertSql));
    insert->BindInt64(1, x);
    return insert->Run();
  }
  int64_t Rows() { return QueryInt(*db_, "SELECT COUNT(*) FROM t"); }

  pillarbox::testing::TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(TransactionTest, CommitKeepsRows) {
  Transaction transaction(*db_);
  ASSERT_TRUE(transaction.Begin().ok());
  ASSERT_TRUE(Insert(1).ok());
  ASSERT_TRUE(Insert(2).ok());
  ASSERT_TRUE(transaction.Commit().ok());
  EXPECT_EQ(Rows(), 2);
}

TEST_F(TransactionTest, DestructorRollsBackUncommittedWork) {
  {
    Transaction transaction(*db_);
    ASSERT_TRUE(transaction.Begin().ok());
    ASSERT_TRUE(Insert(1).ok());
    EXPECT_EQ(Rows(), 1);  // visible inside the transaction
  }
  EXPECT_EQ(Rows(), 0);
  Transaction next(*db_);  // the connection is usable again
  EXPECT_TRUE(next.Begin().ok());
}

TEST_F(TransactionTest, MisuseIsReported) {
  Transaction transaction(*db_);
  EXPECT_FALSE(transaction.Commit().ok());
  ASSERT_TRUE(transaction.Begin().ok());
  EXPECT_FALSE(transaction.Begin().ok());
  Transaction nested(*db_);
  EXPECT_FALSE(nested.Begin().ok());  // SQLite has no nested BEGIN
  EXPECT_TRUE(transaction.Commit().ok());
}

TEST_F(TransactionTest, SavepointAloneCommitsOnRelease) {
  Savepoint savepoint(*db_);
  ASSERT_TRUE(savepoint.Begin().ok());
  ASSERT_TRUE(Insert(1).ok());
  ASSERT_TRUE(savepoint.Release().ok());
  EXPECT_EQ(Rows(), 1);
  Transaction transaction(*db_);  // no transaction is left open
  EXPECT_TRUE(transaction.Begin().ok());
}

TEST_F(TransactionTest, SavepointRollsBackAloneInsideTransaction) {
  Transaction transaction(*db_);
  ASSERT_TRUE(transaction.Begin().ok());
  ASSERT_TRUE(Insert(1).ok());
  {
    Savepoint inner(*db_);
    ASSERT_TRUE(inner.Begin().ok());
    ASSERT_TRUE(Insert(2).ok());
    EXPECT_EQ(Insert(1).code(), StatusCode::kConflict);
  }  // not released: rolls back row 2 only
  {
    Savepoint kept(*db_);
    ASSERT_TRUE(kept.Begin().ok());
    ASSERT_TRUE(Insert(3).ok());
    ASSERT_TRUE(kept.Release().ok());
  }
  ASSERT_TRUE(transaction.Commit().ok());
  EXPECT_EQ(Rows(), 2);
  EXPECT_EQ(QueryInt(*db_, "SELECT SUM(x) FROM t"), 4);
}

TEST_F(TransactionTest, NestedSavepointsUnwindInnermostFirst) {
  Savepoint outer(*db_);
  ASSERT_TRUE(outer.Begin().ok());
  ASSERT_TRUE(Insert(1).ok());
  {
    Savepoint inner(*db_);
    ASSERT_TRUE(inner.Begin().ok());
    ASSERT_TRUE(Insert(2).ok());
  }
  ASSERT_TRUE(outer.Release().ok());
  EXPECT_EQ(Rows(), 1);
  EXPECT_EQ(QueryInt(*db_, "SELECT x FROM t"), 1);
}

}  // namespace
}  // namespace pillarbox::store
