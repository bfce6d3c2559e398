#include "store/statement.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <limits>

#include "store_test_util.h"
#include "support/temp_dir.h"

namespace pillarbox::store {
namespace {

using test::QueryInt;
using test::QueryText;

class StatementTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Database>> db = Database::Open(dir_.File("test.db"), OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->Execute("CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, s TEXT, b BLOB, "
                             "u TEXT UNIQUE)")
                    .ok());
  }

  static constexpr char kInsertSql[] = "INSERT INTO t (id, i, s, b, u) VALUES (?, ?, ?, ?, ?)";
  static constexpr char kSelectSql[] = "SELECT i, s, b, u FROM t WHERE id = ?";

  pillarbox::testing::TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(StatementTest, BindAndColumnRoundTrip) {
  const std::vector<uint8_t> blob = {0x00, 0x01, 0x00, 0xff, 0x00};
  const std::string text("caf\xc3\xa9\0tail", 10);  // UTF-8 with an embedded NUL
  Result<Statement*> insert = db_->Prepare(kInsertSql);
  ASSERT_TRUE(insert.ok());
  (*insert)->BindInt64(1, int64_t{1});
  (*insert)->BindInt64(2, std::numeric_limits<int64_t>::min());
  (*insert)->BindText(3, text);
  (*insert)->BindBlob(4, blob);
  (*insert)->BindNull(5);
  ASSERT_TRUE((*insert)->Run().ok());

  Result<Statement*> select = db_->Prepare(kSelectSql);
  ASSERT_TRUE(select.ok());
  (*select)->BindInt64(1, int64_t{1});
  Result<bool> row = (*select)->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ((*select)->ColumnInt64(0), std::numeric_limits<int64_t>::min());
  EXPECT_EQ((*select)->ColumnText(1), text);
  EXPECT_EQ((*select)->ColumnBlob(2), blob);
  EXPECT_TRUE((*select)->ColumnIsNull(3));
  EXPECT_FALSE((*select)->ColumnIsNull(2));
  row = (*select)->Step();
  ASSERT_TRUE(row.ok());
  EXPECT_FALSE(*row);
}

TEST_F(StatementTest, EmptyTextAndBlobAreNotNull) {
  Result<Statement*> insert = db_->Prepare(kInsertSql);
  ASSERT_TRUE(insert.ok());
  (*insert)->BindInt64(1, int64_t{2});
  (*insert)->BindInt64(2, int64_t{0});
  (*insert)->BindText(3, std::string_view());
  (*insert)->BindBlob(4, std::span<const uint8_t>());
  (*insert)->BindText(5, "");
  ASSERT_TRUE((*insert)->Run().ok());
  EXPECT_EQ(QueryText(*db_, "SELECT typeof(s) || ',' || typeof(b) || ',' || typeof(u) FROM t WHERE id = 2"),
            "text,blob,text");
  EXPECT_EQ(QueryInt(*db_, "SELECT length(b) FROM t WHERE id = 2"), 0);
}

TEST_F(StatementTest, RunCanBeRepeatedWithNewBindings) {
  for (int64_t id = 10; id < 15; ++id) {
    Result<Statement*> insert = db_->Prepare(kInsertSql);
    ASSERT_TRUE(insert.ok());
    (*insert)->BindInt64(1, id);
    (*insert)->BindInt64(2, id * 2);
    (*insert)->BindText(3, "x");
    (*insert)->BindBlob(4, std::vector<uint8_t>{1});
    (*insert)->BindText(5, std::to_string(id));
    ASSERT_TRUE((*insert)->Run().ok());
  }
  EXPECT_EQ(QueryInt(*db_, "SELECT SUM(i) FROM t"), 2 * (10 + 11 + 12 + 13 + 14));
}

TEST_F(StatementTest, ConstraintViolationIsConflictWithoutTheValue) {
  static constexpr char kInsertUniqueSql[] = "INSERT INTO t (u) VALUES (?)";
  Result<Statement*> insert = db_->Prepare(kInsertUniqueSql);
  ASSERT_TRUE(insert.ok());
  (*insert)->BindText(1, "secret-value");
  ASSERT_TRUE((*insert)->Run().ok());
  insert = db_->Prepare(kInsertUniqueSql);
  ASSERT_TRUE(insert.ok());
  (*insert)->BindText(1, "secret-value");
  const Status status = (*insert)->Run();
  EXPECT_EQ(status.code(), StatusCode::kConflict) << status.ToString();
  EXPECT_EQ(status.ToString().find("secret-value"), std::string::npos);
  EXPECT_NE(status.message().find("2067"), std::string::npos) << status.message();  // SQLITE_CONSTRAINT_UNIQUE
}

// A failed bind leaves its parameter NULL; running the statement anyway would
// store NULL in a nullable column (or match nothing in a WHERE clause), and
// report success. Out of memory is one cause (tests/faults found it); a value
// over SQLite's length limit is the one a unit test can cause.
TEST_F(StatementTest, AFailedBindFailsTheStepInsteadOfStoringNull) {
  sqlite3_limit(db_->handle(), SQLITE_LIMIT_LENGTH, 16);
  Result<Statement*> insert = db_->Prepare(kInsertSql);
  ASSERT_TRUE(insert.ok());
  (*insert)->BindInt64(1, int64_t{7});
  (*insert)->BindText(3, "longer than sixteen bytes");  // s is nullable
  const Status status = (*insert)->Run();
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_EQ(QueryInt(*db_, "SELECT count(*) FROM t"), 0);

  // Reset() forgets the failure: the statement runs again with good binds.
  (*insert)->BindInt64(1, int64_t{7});
  (*insert)->BindText(3, "short");
  EXPECT_TRUE((*insert)->Run().ok());
  EXPECT_EQ(QueryInt(*db_, "SELECT count(*) FROM t"), 1);
}

// Queries built from optional filters bind every parameter; an index the SQL
// does not have binds nothing and does not stop the statement.
TEST_F(StatementTest, BindingAnIndexTheSqlDoesNotHaveIsIgnored) {
  Result<Statement*> insert = db_->Prepare(kInsertSql);
  ASSERT_TRUE(insert.ok());
  (*insert)->BindInt64(1, int64_t{8});
  (*insert)->BindText(9, "no such parameter");
  EXPECT_TRUE((*insert)->Run().ok());
  EXPECT_EQ(QueryInt(*db_, "SELECT count(*) FROM t"), 1);
}

TEST_F(StatementTest, RunRefusesRows) {
  static constexpr char kSql[] = "SELECT 1";
  Result<Statement*> select = db_->Prepare(kSql);
  ASSERT_TRUE(select.ok());
  EXPECT_EQ((*select)->Run().code(), StatusCode::kInternal);
}

TEST_F(StatementTest, TypeMismatchInStrictTableIsConflict) {
  ASSERT_TRUE(db_->Execute("CREATE TABLE s (x INTEGER NOT NULL) STRICT").ok());
  static constexpr char kSql[] = "INSERT INTO s (x) VALUES (?)";
  Result<Statement*> insert = db_->Prepare(kSql);
  ASSERT_TRUE(insert.ok());
  (*insert)->BindText(1, "not a number");
  EXPECT_EQ((*insert)->Run().code(), StatusCode::kConflict);  // SQLITE_CONSTRAINT_DATATYPE
  insert = db_->Prepare(kSql);
  ASSERT_TRUE(insert.ok());
  (*insert)->BindNull(1);
  EXPECT_EQ((*insert)->Run().code(), StatusCode::kConflict);  // SQLITE_CONSTRAINT_NOTNULL
}

}  // namespace
}  // namespace pillarbox::store
