#include "store/sqlite_desk_directory.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "store_test_util.h"
#include "support/temp_dir.h"

namespace pillarbox::store {
namespace {

using test::MakeDesk;

class SqliteDeskDirectoryTest : public test::MigratedDatabaseTest {};

TEST_F(SqliteDeskDirectoryTest, FindsDeskAndKeyForEachKind) {
  DeskRecord voice = MakeDesk("voice_cloning", {"voice_cloning", "deepfake_audio"}, 10);
  voice.key_version = 2;
  const DeskRecord hiring = MakeDesk("hiring", {"automated_hiring"}, 50);
  ASSERT_TRUE(InsertDesk(*db_, voice).ok());
  ASSERT_TRUE(InsertDesk(*db_, hiring).ok());
  Result<std::unique_ptr<SqliteDeskDirectory>> directory = SqliteDeskDirectory::Load(*db_);
  ASSERT_TRUE(directory.ok()) << directory.status().ToString();

  Result<intake::DeskKey> key = (*directory)->DeskForKind("deepfake_audio");
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->desk_id, "voice_cloning");
  EXPECT_EQ(key->key_version, 2u);
  EXPECT_EQ(key->public_key, voice.public_key);
  key = (*directory)->DeskForKind("automated_hiring");
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->desk_id, "hiring");
  EXPECT_EQ(key->public_key, hiring.public_key);
  EXPECT_EQ((*directory)->DeskForKind("unknown_kind").status().code(), StatusCode::kNotFound);
}

TEST_F(SqliteDeskDirectoryTest, IsASnapshot) {
  Result<std::unique_ptr<SqliteDeskDirectory>> directory = SqliteDeskDirectory::Load(*db_);
  ASSERT_TRUE(directory.ok());
  ASSERT_TRUE(InsertDesk(*db_, MakeDesk("late", {"late_kind"})).ok());
  EXPECT_EQ((*directory)->DeskForKind("late_kind").status().code(), StatusCode::kNotFound);
  directory = SqliteDeskDirectory::Load(*db_);
  ASSERT_TRUE(directory.ok());
  EXPECT_TRUE((*directory)->DeskForKind("late_kind").ok());
}

TEST_F(SqliteDeskDirectoryTest, ConcurrentReads) {
  ASSERT_TRUE(InsertDesk(*db_, MakeDesk("desk", {"a", "b"})).ok());
  Result<std::unique_ptr<SqliteDeskDirectory>> directory = SqliteDeskDirectory::Load(*db_);
  ASSERT_TRUE(directory.ok());
  const intake::DeskDirectory& shared = **directory;
  std::atomic<int> found{0};
  std::vector<std::thread> threads;
  threads.reserve(8);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) found += shared.DeskForKind(i % 2 == 0 ? "a" : "b").ok() ? 1 : 0;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(found.load(), 8000);
}

}  // namespace
}  // namespace pillarbox::store
