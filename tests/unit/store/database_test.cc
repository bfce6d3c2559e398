#include "store/database.h"

#include <gtest/gtest.h>

#include <fstream>

#include "store_test_util.h"
#include "support/temp_dir.h"

namespace pillarbox::store {
namespace {

using test::QueryInt;
using test::QueryText;

class DatabaseTest : public ::testing::Test {
 protected:
  std::unique_ptr<Database> OpenNew() {
    Result<std::unique_ptr<Database>> db = Database::Open(dir_.File("test.db"), OpenMode::kReadWriteCreate);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(db).value() : nullptr;
  }
  pillarbox::testing::TempDir dir_;
};

TEST_F(DatabaseTest, OpenAppliesPragmas) {
  std::unique_ptr<Database> db = OpenNew();
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(QueryText(*db, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(QueryInt(*db, "PRAGMA synchronous"), 2);  // FULL
  EXPECT_EQ(QueryInt(*db, "PRAGMA foreign_keys"), 1);
  EXPECT_EQ(QueryInt(*db, "PRAGMA secure_delete"), 1);
  EXPECT_EQ(QueryInt(*db, "PRAGMA trusted_schema"), 0);
  EXPECT_EQ(QueryInt(*db, "PRAGMA busy_timeout"), 5000);
}

TEST_F(DatabaseTest, ReadWriteAndReadOnlyRefuseMissingFile) {
  EXPECT_EQ(Database::Open(dir_.File("missing.db"), OpenMode::kReadWrite).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Database::Open(dir_.File("missing.db"), OpenMode::kReadOnly).status().code(), StatusCode::kNotFound);
}

TEST_F(DatabaseTest, UnopenablePathIsUnavailable) {
  Result<std::unique_ptr<Database>> db =
      Database::Open(dir_.File("no/such/directory/test.db"), OpenMode::kReadWriteCreate);
  EXPECT_EQ(db.status().code(), StatusCode::kUnavailable) << db.status().ToString();
}

TEST_F(DatabaseTest, FileThatIsNotADatabaseIsUnavailable) {
  {
    std::ofstream garbage(dir_.File("garbage.db"), std::ios::binary);
    garbage << std::string(4096, 'x');
  }
  Result<std::unique_ptr<Database>> db = Database::Open(dir_.File("garbage.db"), OpenMode::kReadWrite);
  EXPECT_EQ(db.status().code(), StatusCode::kUnavailable) << db.status().ToString();
}

TEST_F(DatabaseTest, ReadOnlyConnectionSeesDataButCannotWrite) {
  std::unique_ptr<Database> writer = OpenNew();
  ASSERT_NE(writer, nullptr);
  ASSERT_TRUE(writer->Execute("CREATE TABLE t (x INTEGER); INSERT INTO t (x) VALUES (7);").ok());
  Result<std::unique_ptr<Database>> reader = Database::Open(dir_.File("test.db"), OpenMode::kReadOnly);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ(QueryInt(**reader, "SELECT x FROM t"), 7);
  EXPECT_EQ(QueryText(**reader, "PRAGMA journal_mode"), "wal");
  EXPECT_FALSE((*reader)->Execute("INSERT INTO t (x) VALUES (8)").ok());
}

TEST_F(DatabaseTest, ExecuteRunsSeveralStatementsAndCountsChanges) {
  std::unique_ptr<Database> db = OpenNew();
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->Execute("CREATE TABLE t (x INTEGER); INSERT INTO t (x) VALUES (1), (2), (3);").ok());
  EXPECT_EQ(db->ChangedRows(), 3);
  ASSERT_TRUE(db->Execute("UPDATE t SET x = x + 1 WHERE x > 1").ok());
  EXPECT_EQ(db->ChangedRows(), 2);
  EXPECT_EQ(QueryInt(*db, "SELECT SUM(x) FROM t"), 8);
  EXPECT_TRUE(db->Checkpoint().ok());
}

TEST_F(DatabaseTest, ExecuteReportsErrors) {
  std::unique_ptr<Database> db = OpenNew();
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->Execute("SELECT nonsense FROM nowhere").code(), StatusCode::kInternal);
}

TEST_F(DatabaseTest, PrepareCachesByPointer) {
  std::unique_ptr<Database> db = OpenNew();
  ASSERT_NE(db, nullptr);
  static constexpr char kSql[] = "SELECT 1";
  static constexpr char kSameTextSql[] = "SELECT 1";
  Result<Statement*> first = db->Prepare(kSql);
  Result<Statement*> second = db->Prepare(kSql);
  Result<Statement*> other = db->Prepare(kSameTextSql);
  ASSERT_TRUE(first.ok() && second.ok() && other.ok());
  EXPECT_EQ(*first, *second);
  EXPECT_NE(*first, *other);
}

TEST_F(DatabaseTest, PrepareResetsAndClearsCachedStatement) {
  std::unique_ptr<Database> db = OpenNew();
  ASSERT_NE(db, nullptr);
  static constexpr char kSql[] = "SELECT ?";
  Result<Statement*> statement = db->Prepare(kSql);
  ASSERT_TRUE(statement.ok());
  (*statement)->BindInt64(1, int64_t{42});
  ASSERT_TRUE(*(*statement)->Step());  // left mid-way on purpose
  statement = db->Prepare(kSql);
  ASSERT_TRUE(statement.ok());
  Result<bool> row = (*statement)->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_TRUE((*statement)->ColumnIsNull(0));
}

TEST_F(DatabaseTest, PrepareRejectsBadSqlAndSeveralStatements) {
  std::unique_ptr<Database> db = OpenNew();
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->Prepare("SELECT nonsense FROM nowhere").status().code(), StatusCode::kInternal);
  EXPECT_EQ(db->Prepare("SELECT 1; SELECT 2").status().code(), StatusCode::kInternal);
  EXPECT_EQ(db->Prepare("   ").status().code(), StatusCode::kInternal);
  EXPECT_TRUE(db->Prepare("SELECT 1;  ").ok());
}

}  // namespace
}  // namespace pillarbox::store
