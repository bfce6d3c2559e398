#include "intake/proof_of_work.h"

#include <gtest/gtest.h>

#include <string>

#include "privacy/work_hash.h"
#include "support/manual_clock.h"

namespace pillarbox::intake {
namespace {

using pillarbox::testing::ManualClock;

// Zero bits of BLAKE2b-256(challenge || nonce), computed here independently
// of ProofOfWork's own check.
int ZeroBits(const std::string& challenge, const std::string& nonce) {
  return privacy::LeadingZeroBits(privacy::Blake2b256(privacy::AsBytes(challenge), privacy::AsBytes(nonce)));
}

// The first decimal nonce with at least `bits` zero bits.
std::string Solve(const std::string& challenge, int bits) {
  for (uint64_t n = 0;; ++n) {
    const std::string nonce = std::to_string(n);
    if (ZeroBits(challenge, nonce) >= bits) return nonce;
  }
}
// The first decimal nonce with fewer than `bits` zero bits.
std::string Miss(const std::string& challenge, int bits) {
  for (uint64_t n = 0;; ++n) {
    const std::string nonce = std::to_string(n);
    if (ZeroBits(challenge, nonce) < bits) return nonce;
  }
}

class ProofOfWorkTest : public ::testing::Test {
 protected:
  ManualClock clock_;
  ProofOfWork pow_{clock_, {.difficulty_bits = 8, .lifetime_seconds = 60, .max_spent = 4}};
};

TEST(WorkHashTest, LeadingZeroBitsCountsFromTheFirstByteHighBit) {
  EXPECT_EQ(privacy::LeadingZeroBits(std::vector<uint8_t>{0x80, 0x00}), 0);
  EXPECT_EQ(privacy::LeadingZeroBits(std::vector<uint8_t>{0x01, 0xff}), 7);
  EXPECT_EQ(privacy::LeadingZeroBits(std::vector<uint8_t>{0x00, 0x10}), 11);
  EXPECT_EQ(privacy::LeadingZeroBits(std::vector<uint8_t>{0x00, 0x00}), 16);
}

TEST(WorkHashTest, IsBlake2b256OfTheConcatenation) {
  // BLAKE2b-256("abc"), as Python's hashlib.blake2b(b"abc", digest_size=32) computes it.
  EXPECT_EQ(privacy::ToHex(privacy::Blake2b256(privacy::AsBytes("a"), privacy::AsBytes("bc"))),
            "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}

TEST_F(ProofOfWorkTest, IssuesDistinctChallengesWithItsDifficultyAndLifetime) {
  const auto first = pow_.Issue();
  const auto second = pow_.Issue();
  EXPECT_NE(first.challenge, second.challenge);
  EXPECT_EQ(first.challenge.size(), 82u);
  EXPECT_EQ(first.difficulty_bits, 8);
  EXPECT_EQ(first.expires_in, 60);
  EXPECT_EQ(pow_.spent_count(), 0u);  // issuing keeps no state
}

TEST_F(ProofOfWorkTest, AcceptsASolutionOnceOnly) {
  const auto challenge = pow_.Issue().challenge;
  const std::string nonce = Solve(challenge, 8);
  EXPECT_TRUE(pow_.Spend(challenge, nonce).ok());
  EXPECT_EQ(pow_.spent_count(), 1u);
  const Status again = pow_.Spend(challenge, nonce);
  EXPECT_EQ(again.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(again.message(), "challenge already used");
  // Another nonce that also solves it is refused too: the challenge is spent.
  std::string other;
  for (uint64_t n = std::stoull(nonce) + 1;; ++n) {
    if (ZeroBits(challenge, std::to_string(n)) >= 8) {
      other = std::to_string(n);
      break;
    }
  }
  EXPECT_EQ(pow_.Spend(challenge, other).message(), "challenge already used");
}

TEST_F(ProofOfWorkTest, RefusesTooFewZeroBitsWithoutSpendingTheChallenge) {
  const auto challenge = pow_.Issue().challenge;
  const Status refused = pow_.Spend(challenge, Miss(challenge, 8));
  EXPECT_EQ(refused.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.message(), "not enough leading zero bits");
  EXPECT_EQ(pow_.spent_count(), 0u);
  EXPECT_TRUE(pow_.Spend(challenge, Solve(challenge, 8)).ok());
}

TEST_F(ProofOfWorkTest, RefusesExpiredChallenges) {
  const auto challenge = pow_.Issue().challenge;
  const std::string nonce = Solve(challenge, 8);
  clock_.Advance(61);
  EXPECT_EQ(pow_.Spend(challenge, nonce).message(), "challenge expired; fetch a new one");
}

TEST_F(ProofOfWorkTest, RefusesChallengesNotIssuedByThisProcess) {
  ProofOfWork other(clock_, {.difficulty_bits = 8, .lifetime_seconds = 60});
  const auto foreign = other.Issue().challenge;
  EXPECT_EQ(pow_.Spend(foreign, Solve(foreign, 8)).message(), "challenge was not issued here");

  // A forged easier difficulty or later expiry breaks the tag.
  std::string challenge = pow_.Issue().challenge;
  challenge[48] = challenge[48] == '0' ? '1' : '0';  // the difficulty byte is hex digits 48-49
  EXPECT_EQ(pow_.Spend(challenge, Solve(challenge, 8)).message(), "challenge was not issued here");
}

TEST_F(ProofOfWorkTest, RefusesMalformedInput) {
  const auto challenge = pow_.Issue().challenge;
  EXPECT_EQ(pow_.Spend("", "1").message(), "malformed challenge");
  EXPECT_EQ(pow_.Spend(challenge.substr(2), "1").message(), "malformed challenge");
  std::string not_hex = challenge;
  not_hex[0] = 'z';
  EXPECT_EQ(pow_.Spend(not_hex, "1").message(), "malformed challenge");
  EXPECT_EQ(pow_.Spend(challenge, "").message(), "malformed nonce");
  EXPECT_EQ(pow_.Spend(challenge, "12 3").message(), "malformed nonce");
  EXPECT_EQ(pow_.Spend(challenge, std::string(65, '1')).message(), "malformed nonce");
  EXPECT_EQ(pow_.spent_count(), 0u);
}

TEST_F(ProofOfWorkTest, RemembersAtMostMaxSpentAndForgetsExpiredOnes) {
  for (int i = 0; i < 4; ++i) {
    const auto challenge = pow_.Issue().challenge;
    ASSERT_TRUE(pow_.Spend(challenge, Solve(challenge, 8)).ok());
  }
  const auto fifth = pow_.Issue().challenge;
  const std::string nonce = Solve(fifth, 8);
  EXPECT_EQ(pow_.Spend(fifth, nonce).code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(pow_.spent_count(), 4u);
  // Once the first four have expired they are forgotten; a new one fits.
  clock_.Advance(61);
  const auto sixth = pow_.Issue().challenge;
  EXPECT_TRUE(pow_.Spend(sixth, Solve(sixth, 8)).ok());
  EXPECT_EQ(pow_.spent_count(), 1u);
}

TEST(ProofOfWorkOptionsTest, DifficultyIsClampedIntoRange) {
  ManualClock clock;
  EXPECT_EQ(ProofOfWork(clock, {.difficulty_bits = 0}).difficulty_bits(), 1);
  EXPECT_EQ(ProofOfWork(clock, {.difficulty_bits = 99}).difficulty_bits(), ProofOfWork::kMaxDifficultyBits);
}

}  // namespace
}  // namespace pillarbox::intake
