// Single-use form tokens: once, not too early, not too late, for one purpose.
#include "intake/form_tokens.h"

#include <gtest/gtest.h>

#include <set>

#include "support/manual_clock.h"

namespace pillarbox::intake {
namespace {

using testing::ManualClock;

class FormTokensTest : public ::testing::Test {
 protected:
  ManualClock clock_;
  FormTokens tokens_{clock_, {.min_age_seconds = 3, .max_age_seconds = 7200, .max_tokens = 4}};
};

TEST_F(FormTokensTest, ATokenIsAcceptedOnceAfterTheMinimumTime) {
  const std::string token = tokens_.Issue("report:voice_cloning");
  EXPECT_EQ(token.size(), 32u);
  clock_.Advance(3);
  EXPECT_TRUE(tokens_.Redeem(token, "report:voice_cloning").ok());
  const Status reused = tokens_.Redeem(token, "report:voice_cloning");
  EXPECT_EQ(reused.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(reused.field(), "form_token");
  EXPECT_EQ(tokens_.size(), 0u);
}

TEST_F(FormTokensTest, ATokenSentTooEarlyIsRefusedAndUsedUp) {
  const std::string token = tokens_.Issue("report:voice_cloning");
  clock_.Advance(2);
  const Status early = tokens_.Redeem(token, "report:voice_cloning");
  EXPECT_EQ(early.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(early.message(), "form sent too quickly");
  clock_.Advance(5);
  EXPECT_FALSE(tokens_.Redeem(token, "report:voice_cloning").ok());  // no second try
}

TEST_F(FormTokensTest, AnExpiredTokenIsRefused) {
  const std::string token = tokens_.Issue("report:voice_cloning");
  clock_.Advance(7201);
  EXPECT_EQ(tokens_.Redeem(token, "report:voice_cloning").message(), "form expired or already used");
}

TEST_F(FormTokensTest, ATokenAtTheMaximumAgeIsStillAccepted) {
  const std::string token = tokens_.Issue("report:voice_cloning");
  clock_.Advance(7200);
  EXPECT_TRUE(tokens_.Redeem(token, "report:voice_cloning").ok());
}

TEST_F(FormTokensTest, UnknownTokensAndOtherPurposesAreRefused) {
  EXPECT_FALSE(tokens_.Redeem("00000000000000000000000000000000", "report:voice_cloning").ok());
  EXPECT_FALSE(tokens_.Redeem("", "report:voice_cloning").ok());
  const std::string token = tokens_.Issue("report:voice_cloning");
  clock_.Advance(10);
  EXPECT_FALSE(tokens_.Redeem(token, "report:workplace_ai_harm").ok());
  EXPECT_FALSE(tokens_.Redeem(token, "report:voice_cloning").ok());  // used up by the wrong try
}

TEST_F(FormTokensTest, TokensAreDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 4; ++i) seen.insert(tokens_.Issue("p"));
  EXPECT_EQ(seen.size(), 4u);
}

TEST_F(FormTokensTest, TheOldestTokenGoesFirstAtTheBound) {
  const std::string oldest = tokens_.Issue("p");
  clock_.Advance(1);
  std::vector<std::string> newer;
  for (int i = 0; i < 4; ++i) newer.push_back(tokens_.Issue("p"));
  EXPECT_EQ(tokens_.size(), 4u);
  clock_.Advance(5);
  EXPECT_FALSE(tokens_.Redeem(oldest, "p").ok());
  for (const std::string& token : newer) EXPECT_TRUE(tokens_.Redeem(token, "p").ok());
}

TEST_F(FormTokensTest, ExpiredTokensAreDroppedWhenNewOnesAreIssued) {
  tokens_.Issue("p");
  tokens_.Issue("p");
  clock_.Advance(7201);
  tokens_.Issue("p");
  EXPECT_EQ(tokens_.size(), 1u);
}

TEST_F(FormTokensTest, AConfirmationNeedsNoMinimumTimeButIsStillSingleUse) {
  const std::string token = tokens_.Issue("p");
  EXPECT_TRUE(tokens_.Redeem(token, "p", FormTokens::Pace::kConfirmation).ok());
  EXPECT_FALSE(tokens_.Redeem(token, "p", FormTokens::Pace::kConfirmation).ok());
}

TEST(FormTokensZeroWait, AZeroMinimumAcceptsAtOnce) {
  ManualClock clock;
  FormTokens tokens(clock, {.min_age_seconds = 0});
  const std::string token = tokens.Issue("p");
  EXPECT_TRUE(tokens.Redeem(token, "p").ok());
}

}  // namespace
}  // namespace pillarbox::intake
