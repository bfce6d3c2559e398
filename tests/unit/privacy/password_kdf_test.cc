#include "privacy/password_kdf.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <set>

namespace pillarbox::privacy {
namespace {

constexpr std::string_view kExpectedVerifier = "f2524efc637615eedd4cf28971d291f6ae4fa621c46346c506571a0a75233879";
constexpr std::string_view kExpectedKek = "e6d000623e0a978ac72ab4807875821b0d269154f831b923b0fa9a5ddd2266de";

Bytes Copy(const SecretKey& key) { return Bytes(key.bytes().begin(), key.bytes().end()); }

TEST(PasswordKdfTest, SamePasswordAndSaltGiveSameKeys) {
  Bytes salt = NewPasswordSalt();
  ASSERT_EQ(salt.size(), kPasswordSaltBytes);
  Result<PasswordKeys> a = DerivePasswordKeys("correct horse", salt, MinimalKdfParams());
  Result<PasswordKeys> b = DerivePasswordKeys("correct horse", salt, MinimalKdfParams());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->verifier.size(), 32u);
  EXPECT_EQ(a->verifier, b->verifier);
  EXPECT_EQ(Copy(a->key_encryption_key), Copy(b->key_encryption_key));
  EXPECT_NE(a->verifier, Copy(a->key_encryption_key));
}

TEST(PasswordKdfTest, DifferentPasswordOrSaltGiveDifferentKeys) {
  Bytes salt = NewPasswordSalt();
  Result<PasswordKeys> a = DerivePasswordKeys("correct horse", salt, MinimalKdfParams());
  Result<PasswordKeys> b = DerivePasswordKeys("correct horsf", salt, MinimalKdfParams());
  Result<PasswordKeys> c = DerivePasswordKeys("correct horse", NewPasswordSalt(), MinimalKdfParams());
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_NE(a->verifier, b->verifier);
  EXPECT_NE(Copy(a->key_encryption_key), Copy(b->key_encryption_key));
  EXPECT_NE(a->verifier, c->verifier);
}

TEST(PasswordKdfTest, MatchesFixedVector) {
  // Argon2id(t=1, m=8 KiB, p=1, password "pillarbox", salt 00..0f) to 64 bytes,
  // cross-checked with OpenSSL; the verifier is BLAKE2b-256 of the first half.
  Bytes salt(kPasswordSaltBytes);
  for (size_t i = 0; i < salt.size(); ++i) salt[i] = static_cast<uint8_t>(i);
  Result<PasswordKeys> keys = DerivePasswordKeys("pillarbox", salt, MinimalKdfParams());
  ASSERT_TRUE(keys.ok());
  EXPECT_EQ(ToHex(keys->verifier), kExpectedVerifier);
  EXPECT_EQ(ToHex(keys->key_encryption_key.bytes()), kExpectedKek);
}

TEST(PasswordKdfTest, RejectsBadSaltAndParams) {
  EXPECT_EQ(DerivePasswordKeys("pw", Bytes(15), MinimalKdfParams()).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(DerivePasswordKeys("pw", Bytes(17), MinimalKdfParams()).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(DerivePasswordKeys("pw", Bytes(16), {0, 8192}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(DerivePasswordKeys("pw", Bytes(16), {1, 1024}).status().code(), StatusCode::kInvalidArgument);
}

TEST(PasswordKdfTest, ModerateParamsAreLibsodiumModerate) {
  EXPECT_EQ(ModerateKdfParams().operations, 3u);
  EXPECT_EQ(ModerateKdfParams().memory_bytes, size_t{256} << 20);
  EXPECT_EQ(MinimalKdfParams().operations, 1u);
  EXPECT_EQ(MinimalKdfParams().memory_bytes, 8192u);
}

TEST(ConstantTimeEqualsTest, ComparesContentAndLength) {
  Bytes a = {1, 2, 3};
  EXPECT_TRUE(ConstantTimeEquals(a, Bytes{1, 2, 3}));
  EXPECT_FALSE(ConstantTimeEquals(a, Bytes{1, 2, 4}));
  EXPECT_FALSE(ConstantTimeEquals(a, Bytes{1, 2}));
  EXPECT_TRUE(ConstantTimeEquals(Bytes{}, Bytes{}));
}

TEST(GeneratePasswordTest, SixGroupsOfFourCrockfordSymbolsAndDistinct) {
  const std::regex format("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$");
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string password = GeneratePassword();
    EXPECT_TRUE(std::regex_match(password, format)) << password;
    seen.insert(password);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(GenerateTotpSecretTest, ThirtyTwoRfc4648SymbolsAndDistinct) {
  const std::regex format("^[A-Z2-7]{32}$");
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string secret = GenerateTotpSecretBase32();
    EXPECT_TRUE(std::regex_match(secret, format)) << secret;
    seen.insert(secret);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

}  // namespace
}  // namespace pillarbox::privacy
