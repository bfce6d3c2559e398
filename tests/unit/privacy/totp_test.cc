#include "privacy/totp.h"

#include <gtest/gtest.h>

#include <string>

#include "privacy/password_kdf.h"

namespace pillarbox::privacy {
namespace {

// The ASCII secret "12345678901234567890" of RFC 6238 Appendix B, in base32.
constexpr std::string_view kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
constexpr int64_t kNow = 1234567890;  // step 41152263

struct RfcVector {
  int64_t time;
  std::string_view code;  // the last 6 digits of the published 8-digit SHA1 code
};

TEST(TotpTest, MatchesRfc6238AppendixBSha1Vectors) {
  const RfcVector vectors[] = {
      {59, "287082"},          // 94287082
      {1111111109, "081804"},  // 07081804
      {1111111111, "050471"},  // 14050471
      {1234567890, "005924"},  // 89005924
      {2000000000, "279037"},  // 69279037
  };
  for (const RfcVector& vector : vectors) {
    Result<std::string> code = TotpCode(kRfcSecret, vector.time);
    ASSERT_TRUE(code.ok()) << code.status().ToString();
    EXPECT_EQ(*code, vector.code) << "at time " << vector.time;
  }
}

TEST(TotpTest, AcceptsSecretWithoutPaddingOrInLowercase) {
  // 20 bytes encode to 32 base32 symbols, so GenerateTotpSecretBase32 has no padding.
  EXPECT_EQ(*TotpCode("gezdgnbvgy3tqojqgezdgnbvgy3tqojq", 59), "287082");
  std::string secret = GenerateTotpSecretBase32();
  Result<std::string> code = TotpCode(secret, kNow);
  ASSERT_TRUE(code.ok()) << code.status().ToString();
  EXPECT_EQ(code->size(), 6u);
}

TEST(TotpTest, VerifyReturnsTheMatchedStep) {
  const std::string code = *TotpCode(kRfcSecret, kNow);
  Result<int64_t> step = VerifyTotp(kRfcSecret, code, kNow, 0);
  ASSERT_TRUE(step.ok()) << step.status().ToString();
  EXPECT_EQ(*step, kNow / kTotpStepSeconds);
}

TEST(TotpTest, AcceptsOneStepOfDriftEitherWay) {
  const int64_t current = kNow / kTotpStepSeconds;
  for (int64_t offset : {-1, 1}) {
    const std::string code = *TotpCode(kRfcSecret, kNow + offset * kTotpStepSeconds);
    Result<int64_t> step = VerifyTotp(kRfcSecret, code, kNow, 0);
    ASSERT_TRUE(step.ok()) << "offset " << offset;
    EXPECT_EQ(*step, current + offset);
  }
}

TEST(TotpTest, RefusesTwoStepsOfDrift) {
  for (int64_t offset : {-2, 2}) {
    const std::string code = *TotpCode(kRfcSecret, kNow + offset * kTotpStepSeconds);
    Result<int64_t> step = VerifyTotp(kRfcSecret, code, kNow, 0);
    ASSERT_FALSE(step.ok()) << "offset " << offset;
    EXPECT_EQ(step.status().code(), StatusCode::kUnauthenticated);
    EXPECT_EQ(step.status().message(), "invalid code");
  }
}

TEST(TotpTest, RefusesReuseOfTheSameStep) {
  const std::string code = *TotpCode(kRfcSecret, kNow);
  Result<int64_t> first = VerifyTotp(kRfcSecret, code, kNow, 0);
  ASSERT_TRUE(first.ok());
  Result<int64_t> again = VerifyTotp(kRfcSecret, code, kNow + 5, *first);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kUnauthenticated);
}

TEST(TotpTest, RefusesAnOlderStepAfterANewerOne) {
  const std::string newer = *TotpCode(kRfcSecret, kNow + kTotpStepSeconds);
  const std::string older = *TotpCode(kRfcSecret, kNow);
  Result<int64_t> used = VerifyTotp(kRfcSecret, newer, kNow, 0);
  ASSERT_TRUE(used.ok());
  Result<int64_t> late = VerifyTotp(kRfcSecret, older, kNow, *used);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.status().code(), StatusCode::kUnauthenticated);
}

TEST(TotpTest, RefusesMalformedSecret) {
  for (std::string_view secret : {"", "not base32!", "GEZDGNBV1"}) {
    Result<std::string> code = TotpCode(secret, kNow);
    ASSERT_FALSE(code.ok()) << secret;
    EXPECT_EQ(code.status().code(), StatusCode::kInvalidArgument);
    Result<int64_t> step = VerifyTotp(secret, "123456", kNow, 0);
    ASSERT_FALSE(step.ok()) << secret;
    EXPECT_EQ(step.status().code(), StatusCode::kInvalidArgument);
  }
}

TEST(TotpTest, RefusesCodesThatAreNotSixDigits) {
  const std::string code = *TotpCode(kRfcSecret, kNow);
  for (const std::string& bad : {std::string("12345a"), std::string("12345"), std::string("1234567"), std::string(""),
                                 code + " ", " " + code, std::string("00592\n")}) {
    Result<int64_t> step = VerifyTotp(kRfcSecret, bad, kNow, 0);
    ASSERT_FALSE(step.ok()) << bad;
    EXPECT_EQ(step.status().code(), StatusCode::kUnauthenticated);
    EXPECT_EQ(step.status().message(), "invalid code");
  }
}

TEST(TotpTest, RefusesAWrongCode) {
  const std::string code = *TotpCode(kRfcSecret, kNow);
  std::string wrong = code;
  wrong[5] = code[5] == '9' ? '0' : static_cast<char>(code[5] + 1);
  EXPECT_EQ(VerifyTotp(kRfcSecret, wrong, kNow, 0).status().code(), StatusCode::kUnauthenticated);
}

}  // namespace
}  // namespace pillarbox::privacy
