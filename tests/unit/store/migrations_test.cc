#include "store/migrations.h"

#include <gtest/gtest.h>

#include "store_test_util.h"
#include "support/temp_dir.h"

namespace pillarbox::store {
namespace {

using test::QueryInt;

class MigrationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Database>> db = Database::Open(dir_.File("test.db"), OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
  }
  int Version() {
    Result<int> version = SchemaVersion(*db_);
    EXPECT_TRUE(version.ok()) << version.status().ToString();
    return version.ok() ? *version : -1;
  }

  pillarbox::testing::TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(MigrationsTest, FreshDatabaseHasVersionZero) { EXPECT_EQ(Version(), 0); }

TEST_F(MigrationsTest, EmbeddedMigrationsApplyToFreshDatabase) {
  const std::vector<EmbeddedFile> migrations = EmbeddedMigrations();
  ASSERT_FALSE(migrations.empty());
  EXPECT_EQ(migrations.front().name, "001_initial.sql");
  ASSERT_TRUE(ApplyMigrations(*db_, migrations).ok());
  EXPECT_EQ(Version(), LatestVersion(migrations));
  EXPECT_EQ(QueryInt(*db_,
                     "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('meta', 'desks', "
                     "'desk_kinds', 'desk_key_versions', 'users', 'desk_members', 'reports', 'report_fields', "
                     "'report_clear_answers', 'report_blind_indexes')"),
            10);
}

TEST_F(MigrationsTest, ApplyingTwiceChangesNothing) {
  ASSERT_TRUE(ApplyMigrations(*db_, EmbeddedMigrations()).ok());
  const int64_t objects = QueryInt(*db_, "SELECT COUNT(*) FROM sqlite_schema");
  ASSERT_TRUE(ApplyMigrations(*db_, EmbeddedMigrations()).ok());
  EXPECT_EQ(QueryInt(*db_, "SELECT COUNT(*) FROM sqlite_schema"), objects);
  EXPECT_EQ(QueryInt(*db_, "SELECT COUNT(*) FROM meta"), 1);
  EXPECT_EQ(Version(), LatestVersion(EmbeddedMigrations()));
}

TEST_F(MigrationsTest, RefusesDatabaseNewerThanBuild) {
  ASSERT_TRUE(ApplyMigrations(*db_, EmbeddedMigrations()).ok());
  const int latest = LatestVersion(EmbeddedMigrations());
  const std::string bump = "UPDATE meta SET value = '" + std::to_string(latest + 1) + "' WHERE key = 'schema_version'";
  ASSERT_TRUE(db_->Execute(bump).ok());
  const Status status = ApplyMigrations(*db_, EmbeddedMigrations());
  EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(status.message(), "database schema version " + std::to_string(latest + 1) +
                                  " is newer than this build supports (" + std::to_string(latest) + ")");
}

TEST_F(MigrationsTest, AppliesOnlyMigrationsAboveCurrentVersion) {
  const std::vector<EmbeddedFile> first = {{"001_meta.sql", "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"}};
  ASSERT_TRUE(ApplyMigrations(*db_, first).ok());
  EXPECT_EQ(Version(), 1);
  std::vector<EmbeddedFile> both = first;
  both.push_back({"002_more.sql", "CREATE TABLE more (x INTEGER); INSERT INTO more (x) VALUES (5);"});
  ASSERT_TRUE(ApplyMigrations(*db_, both).ok());  // 001 is not run again (it would fail)
  EXPECT_EQ(Version(), 2);
  EXPECT_EQ(QueryInt(*db_, "SELECT x FROM more"), 5);
}

TEST_F(MigrationsTest, FailedMigrationLeavesNothingBehind) {
  const std::vector<EmbeddedFile> migrations = {
      {"001_meta.sql", "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"},
      {"002_broken.sql", "CREATE TABLE half (x INTEGER); SELECT nonsense FROM nowhere;"}};
  EXPECT_FALSE(ApplyMigrations(*db_, migrations).ok());
  EXPECT_EQ(Version(), 1);
  EXPECT_EQ(QueryInt(*db_, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'half'"), 0);
}

TEST_F(MigrationsTest, MalformedListsAreInvalidArgument) {
  const std::vector<std::vector<EmbeddedFile>> malformed = {
      {{"001_a.sql", ""}, {"003_c.sql", ""}},  // gap
      {{"002_b.sql", ""}},                     // does not start at 001
      {{"002_b.sql", ""}, {"001_a.sql", ""}},  // out of order
      {{"01_a.sql", ""}},                      // two digits
      {{"abc_a.sql", ""}},                     // not a number
      {{"001-a.sql", ""}},                     // no underscore
      {{"001_a.txt", ""}},                     // not .sql
      {{"001_.sql", ""}},                      // no name
  };
  for (const std::vector<EmbeddedFile>& migrations : malformed) {
    const Status status = ApplyMigrations(*db_, migrations);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << migrations.front().name << ": " << status.ToString();
  }
  EXPECT_EQ(Version(), 0);  // nothing was applied
}

TEST_F(MigrationsTest, LatestVersionIsHighestNumber) {
  EXPECT_EQ(LatestVersion({}), 0);
  EXPECT_EQ(LatestVersion({{"001_a.sql", ""}, {"002_b.sql", ""}}), 2);
  EXPECT_GE(LatestVersion(EmbeddedMigrations()), 1);
}

TEST_F(MigrationsTest, NonNumericVersionIsDataLoss) {
  ASSERT_TRUE(ApplyMigrations(*db_, EmbeddedMigrations()).ok());
  ASSERT_TRUE(db_->Execute("UPDATE meta SET value = 'seven' WHERE key = 'schema_version'").ok());
  EXPECT_EQ(SchemaVersion(*db_).status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(ApplyMigrations(*db_, EmbeddedMigrations()).code(), StatusCode::kDataLoss);
}

}  // namespace
}  // namespace pillarbox::store
