#include "accounts/session_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "support/manual_clock.h"

namespace pillarbox::accounts {
namespace {

using pillarbox::testing::ManualClock;

SessionIdentity Reviewer(const std::string& id) { return {id, "name-" + id, "reviewer"}; }

UnlockedKeys KeysWithDesk(const std::string& desk_id) {
  UnlockedKeys keys{privacy::BoxKeyPair::Generate(), {}};
  keys.desk_keys.push_back({desk_id, 1, privacy::BoxKeyPair::Generate()});
  return keys;
}

class SessionStoreTest : public ::testing::Test {
 protected:
  SessionStoreTest() { clock_.Set(1'800'000'000); }
  ManualClock clock_;
  SessionStore store_{clock_, {.idle_timeout_seconds = 900, .absolute_timeout_seconds = 8 * 3600,
                               .max_sessions = 3}};
};

TEST_F(SessionStoreTest, TokenIs256BitsOfHexAndAuthenticatesItsSession) {
  auto token = store_.Create(Reviewer("u1"), KeysWithDesk("voice_cloning"));
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(token->size(), 64u);
  auto session = store_.Authenticate(*token);
  ASSERT_TRUE(session.ok());
  EXPECT_EQ((*session)->identity.user_id, "u1");
  EXPECT_NE((*session)->DeskKey("voice_cloning", 1), nullptr);
  EXPECT_EQ((*session)->DeskKey("voice_cloning", 2), nullptr);
  EXPECT_EQ((*session)->DeskKey("workplace_ai_harm", 1), nullptr);
}

TEST_F(SessionStoreTest, ForgedMalformedAndRevokedTokensAreRefused) {
  auto token = store_.Create(Reviewer("u1"), KeysWithDesk("d"));
  ASSERT_TRUE(token.ok());
  std::string forged = *token;
  forged[0] = forged[0] == 'a' ? 'b' : 'a';
  EXPECT_EQ(store_.Authenticate(forged).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(store_.Authenticate("").status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(store_.Authenticate(token->substr(0, 63)).status().code(), StatusCode::kUnauthenticated);
  std::string upper = *token;
  std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
  if (upper != *token) {
    EXPECT_EQ(store_.Authenticate(upper).status().code(), StatusCode::kUnauthenticated);
  }
  store_.Revoke(*token);
  EXPECT_EQ(store_.Authenticate(*token).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(store_.size(), 0u);
}

TEST_F(SessionStoreTest, IdleTimeoutIsRefreshedByUseButAbsoluteTimeoutIsNot) {
  auto token = store_.Create(Reviewer("u1"), KeysWithDesk("d"));
  ASSERT_TRUE(token.ok());
  for (int i = 0; i < 40; ++i) {  // 40 x 14 min of activity: 9 h 20 min
    clock_.Advance(14 * 60);
    const bool within_absolute = (i + 1) * 14 * 60 < 8 * 3600;
    EXPECT_EQ(store_.Authenticate(*token).ok(), within_absolute) << "after " << (i + 1) * 14 << " min";
  }
  auto idle = store_.Create(Reviewer("u2"), KeysWithDesk("d"));
  ASSERT_TRUE(idle.ok());
  clock_.Advance(899);
  EXPECT_TRUE(store_.Authenticate(*idle).ok());
  clock_.Advance(900);
  EXPECT_FALSE(store_.Authenticate(*idle).ok());
}

TEST_F(SessionStoreTest, RevokeUserEndsEverySessionOfThatUserOnly) {
  auto a1 = store_.Create(Reviewer("a"), KeysWithDesk("d"));
  auto a2 = store_.Create(Reviewer("a"), KeysWithDesk("d"));
  auto b = store_.Create(Reviewer("b"), KeysWithDesk("d"));
  ASSERT_TRUE(a1.ok() && a2.ok() && b.ok());
  EXPECT_EQ(store_.RevokeUser("a"), 2u);
  EXPECT_FALSE(store_.Authenticate(*a1).ok());
  EXPECT_FALSE(store_.Authenticate(*a2).ok());
  EXPECT_TRUE(store_.Authenticate(*b).ok());
}

TEST_F(SessionStoreTest, CapacityIsBoundedAndExpiredSessionsMakeRoom) {
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(store_.Create(Reviewer("u"), KeysWithDesk("d")).ok());
  EXPECT_EQ(store_.Create(Reviewer("u"), KeysWithDesk("d")).status().code(), StatusCode::kResourceExhausted);
  clock_.Advance(901);
  EXPECT_TRUE(store_.Create(Reviewer("u"), KeysWithDesk("d")).ok());
  EXPECT_EQ(store_.size(), 1u);
}

TEST_F(SessionStoreTest, UnlockedKeysAreWipedWhenTheLastHolderLetsGo) {
  auto token = store_.Create(Reviewer("u1"), KeysWithDesk("d"));
  ASSERT_TRUE(token.ok());
  const uint8_t* desk_secret = nullptr;
  {
    auto session = store_.Authenticate(*token);
    ASSERT_TRUE(session.ok());
    desk_secret = (*session)->DeskKey("d", 1)->secret_key.bytes().data();
    store_.Revoke(*token);  // a request still holding the session keeps it usable
    EXPECT_FALSE(std::all_of(desk_secret, desk_secret + privacy::kKeyBytes, [](uint8_t b) { return b == 0; }));
  }
  EXPECT_TRUE(std::all_of(desk_secret, desk_secret + privacy::kKeyBytes, [](uint8_t b) { return b == 0; }));
}

TEST_F(SessionStoreTest, ConcurrentCreateAuthenticateAndRevokeStayConsistent) {
  SessionStore big(clock_, {.max_sessions = 100000});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&big, t] {
      for (int i = 0; i < 200; ++i) {
        auto token = big.Create(Reviewer("u" + std::to_string(t)), KeysWithDesk("d"));
        ASSERT_TRUE(token.ok());
        ASSERT_TRUE(big.Authenticate(*token).ok());
        if (i % 2 == 0) big.Revoke(*token);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(big.size(), 400u);
}

}  // namespace
}  // namespace pillarbox::accounts
