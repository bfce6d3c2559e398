#include "store/user_repository.h"

#include <gtest/gtest.h>

#include "store_test_util.h"
#include "support/sealed_report_fixture.h"
#include "support/temp_dir.h"

namespace pillarbox::store {
namespace {

using pillarbox::testing::RandomTestBytes;

UserRecord MakeUser(const std::string& id, const std::string& username) {
  UserRecord user;
  user.id = id;
  user.username = username;
  user.role = "reviewer";
  user.password_salt = RandomTestBytes(16);
  user.password_verifier = {0x00, 0x00, 0x01};  // zero bytes survive
  user.kdf_operations = 3;
  user.kdf_memory_bytes = int64_t{1} << 28;
  user.public_key = RandomTestBytes(32);
  user.password_wrapped_key = RandomTestBytes(72);
  user.recovery_salt = RandomTestBytes(16);
  user.recovery_wrapped_key = RandomTestBytes(72);
  user.sealed_totp_secret = RandomTestBytes(60);
  user.disabled = false;
  user.created_day = "2024-05-17";
  return user;
}

class UserRepositoryTest : public test::MigratedDatabaseTest {};

TEST_F(UserRepositoryTest, RoundTripByUsername) {
  UserRecord alice = MakeUser("u1", "alice");
  alice.disabled = true;
  alice.role = "admin";
  ASSERT_TRUE(InsertUser(*db_, alice).ok());
  ASSERT_TRUE(InsertUser(*db_, MakeUser("u2", "bob")).ok());
  Result<std::optional<UserRecord>> found = FindUserByName(*db_, "alice");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ(**found, alice);
}

TEST_F(UserRepositoryTest, UnknownUsernameIsNullopt) {
  ASSERT_TRUE(InsertUser(*db_, MakeUser("u1", "alice")).ok());
  Result<std::optional<UserRecord>> found = FindUserByName(*db_, "mallory");
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->has_value());
  found = FindUserByName(*db_, "ALICE");  // exact match only
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->has_value());
}

TEST_F(UserRepositoryTest, DuplicateUsernameIsConflict) {
  const UserRecord first = MakeUser("u1", "alice");
  ASSERT_TRUE(InsertUser(*db_, first).ok());
  const Status status = InsertUser(*db_, MakeUser("u2", "alice"));
  EXPECT_EQ(status.code(), StatusCode::kConflict) << status.ToString();
  EXPECT_EQ(status.ToString().find("alice"), std::string::npos);
  Result<std::optional<UserRecord>> found = FindUserByName(*db_, "alice");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ(**found, first);
  EXPECT_EQ(test::QueryInt(*db_, "SELECT COUNT(*) FROM users"), 1);
}

TEST_F(UserRepositoryTest, SchemaChecksAreConflict) {
  UserRecord bad_role = MakeUser("u1", "alice");
  bad_role.role = "superuser";
  EXPECT_EQ(InsertUser(*db_, bad_role).code(), StatusCode::kConflict);
  UserRecord short_key = MakeUser("u2", "bob");
  short_key.public_key.resize(31);
  EXPECT_EQ(InsertUser(*db_, short_key).code(), StatusCode::kConflict);
}

TEST_F(UserRepositoryTest, DeskMembersRoundTripOrdered) {
  ASSERT_TRUE(InsertDesk(*db_, test::MakeDesk("desk", {"kind"})).ok());
  ASSERT_TRUE(InsertDesk(*db_, test::MakeDesk("other", {"other_kind"}, 77)).ok());
  ASSERT_TRUE(InsertUser(*db_, MakeUser("u1", "alice")).ok());
  ASSERT_TRUE(InsertUser(*db_, MakeUser("u2", "bob")).ok());
  const DeskMemberRecord bob_v1{"desk", "u2", 1, RandomTestBytes(80)};
  const DeskMemberRecord alice_v2{"desk", "u1", 2, RandomTestBytes(80)};
  const DeskMemberRecord alice_v1{"desk", "u1", 1, RandomTestBytes(80)};
  const DeskMemberRecord elsewhere{"other", "u1", 1, RandomTestBytes(80)};
  for (const DeskMemberRecord& member : {bob_v1, alice_v2, alice_v1, elsewhere}) {
    ASSERT_TRUE(InsertDeskMember(*db_, member).ok());
  }
  Result<std::vector<DeskMemberRecord>> members = ListDeskMembers(*db_, "desk");
  ASSERT_TRUE(members.ok()) << members.status().ToString();
  EXPECT_EQ(*members, (std::vector<DeskMemberRecord>{alice_v1, alice_v2, bob_v1}));
  members = ListDeskMembers(*db_, "nobody's");
  ASSERT_TRUE(members.ok());
  EXPECT_TRUE(members->empty());
}

TEST_F(UserRepositoryTest, MemberOfUnknownDeskOrUserIsConflict) {
  ASSERT_TRUE(InsertDesk(*db_, test::MakeDesk("desk", {"kind"})).ok());
  ASSERT_TRUE(InsertUser(*db_, MakeUser("u1", "alice")).ok());
  EXPECT_EQ(InsertDeskMember(*db_, {"no_desk", "u1", 1, {1}}).code(), StatusCode::kConflict);
  EXPECT_EQ(InsertDeskMember(*db_, {"desk", "no_user", 1, {1}}).code(), StatusCode::kConflict);
  ASSERT_TRUE(InsertDeskMember(*db_, {"desk", "u1", 1, {1}}).ok());
  EXPECT_EQ(InsertDeskMember(*db_, {"desk", "u1", 1, {2}}).code(), StatusCode::kConflict);
}

}  // namespace
}  // namespace pillarbox::store
