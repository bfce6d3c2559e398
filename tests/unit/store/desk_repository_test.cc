#include "store/desk_repository.h"

#include <gtest/gtest.h>

#include "store_test_util.h"
#include "support/temp_dir.h"

namespace pillarbox::store {
namespace {

using test::MakeDesk;
using test::QueryInt;

class DeskRepositoryTest : public test::MigratedDatabaseTest {};

TEST_F(DeskRepositoryTest, EmptyDatabaseHasNoDesks) {
  Result<std::vector<DeskRecord>> desks = ListDesks(*db_);
  ASSERT_TRUE(desks.ok());
  EXPECT_TRUE(desks->empty());
}

TEST_F(DeskRepositoryTest, RoundTripOrderedById) {
  DeskRecord voice = MakeDesk("voice_cloning", {"voice_cloning", "deepfake_audio"}, 10);
  voice.key_version = 3;
  const DeskRecord hiring = MakeDesk("hiring", {"automated_hiring"}, 50);
  const DeskRecord quiet = MakeDesk("quiet", {}, 90);
  ASSERT_TRUE(InsertDesk(*db_, voice).ok());
  ASSERT_TRUE(InsertDesk(*db_, hiring).ok());
  ASSERT_TRUE(InsertDesk(*db_, quiet).ok());

  Result<std::vector<DeskRecord>> desks = ListDesks(*db_);
  ASSERT_TRUE(desks.ok()) << desks.status().ToString();
  voice.kinds = {"deepfake_audio", "voice_cloning"};  // kinds come back ascending
  EXPECT_EQ(*desks, (std::vector<DeskRecord>{hiring, quiet, voice}));
  EXPECT_EQ(QueryInt(*db_, "SELECT key_version FROM desk_key_versions WHERE desk_id = 'voice_cloning'"), 3);
  EXPECT_EQ(QueryInt(*db_, "SELECT COUNT(*) FROM desk_key_versions"), 3);
}

TEST_F(DeskRepositoryTest, TakenKindIsConflictAndStoresNothingOfTheDesk) {
  ASSERT_TRUE(InsertDesk(*db_, MakeDesk("first", {"shared_kind"})).ok());
  const Status status = InsertDesk(*db_, MakeDesk("second", {"own_kind", "shared_kind"}));
  EXPECT_EQ(status.code(), StatusCode::kConflict) << status.ToString();
  EXPECT_EQ(QueryInt(*db_, "SELECT COUNT(*) FROM desks"), 1);
  EXPECT_EQ(QueryInt(*db_, "SELECT COUNT(*) FROM desk_key_versions"), 1);
  EXPECT_EQ(QueryInt(*db_, "SELECT COUNT(*) FROM desk_kinds"), 1);
}

TEST_F(DeskRepositoryTest, DuplicateIdOrNameIsConflict) {
  ASSERT_TRUE(InsertDesk(*db_, MakeDesk("desk", {})).ok());
  EXPECT_EQ(InsertDesk(*db_, MakeDesk("desk", {})).code(), StatusCode::kConflict);
  DeskRecord same_name = MakeDesk("other", {});
  same_name.name = "Desk desk";
  EXPECT_EQ(InsertDesk(*db_, same_name).code(), StatusCode::kConflict);
  DeskRecord zero_version = MakeDesk("zero", {});
  zero_version.key_version = 0;
  EXPECT_EQ(InsertDesk(*db_, zero_version).code(), StatusCode::kConflict);
}

TEST_F(DeskRepositoryTest, MalformedStoredKeyIsDataLoss) {
  ASSERT_TRUE(InsertDesk(*db_, MakeDesk("desk", {})).ok());
  // A row that the schema's CHECK would refuse can still appear in a damaged file;
  // simulate one by dropping the CHECK-free route: ignore_check_constraints.
  ASSERT_TRUE(db_->Execute("PRAGMA ignore_check_constraints = ON; "
                           "UPDATE desks SET public_key = x'00' WHERE id = 'desk';")
                  .ok());
  EXPECT_EQ(ListDesks(*db_).status().code(), StatusCode::kDataLoss);
}

}  // namespace
}  // namespace pillarbox::store
