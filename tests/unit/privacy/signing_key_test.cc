#include "privacy/signing_key.h"

#include <gtest/gtest.h>

#include <string>

namespace pillarbox::privacy {
namespace {

Bytes Hex(std::string_view hex) { return FromHex(hex).value(); }

// RFC 8032, section 7.1, TEST 1 (empty message) and TEST 2 (one byte 0x72).
constexpr char kSeed1[] = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
constexpr char kPublic1[] = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
constexpr char kSignature1[] =
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe2465"
    "5141438e7a100b";
constexpr char kSeed2[] = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
constexpr char kPublic2[] = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
constexpr char kSignature2[] =
    "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb0"
    "0d291612bb0c00";

TEST(SigningKeyTest, MatchesRfc8032Vectors) {
  const SigningKey one = SigningKey::FromSeed(SecretKey::FromBytes(Hex(kSeed1)).value());
  EXPECT_EQ(ToHex(one.public_key()), kPublic1);
  EXPECT_EQ(ToHex(one.Sign({})), kSignature1);
  const SigningKey two = SigningKey::FromSeed(SecretKey::FromBytes(Hex(kSeed2)).value());
  EXPECT_EQ(ToHex(two.public_key()), kPublic2);
  const Bytes message = {0x72};
  EXPECT_EQ(ToHex(two.Sign(message)), kSignature2);
  EXPECT_TRUE(VerifySignature(two.public_key(), message, two.Sign(message)));
}

TEST(SigningKeyTest, SameSeedSameKeyAndClonesAgree) {
  const SecretKey seed = SecretKey::Random();
  const SigningKey a = SigningKey::FromSeed(seed);
  const SigningKey b = SigningKey::FromSeed(seed);
  EXPECT_EQ(a.public_key(), b.public_key());
  const SigningKey c = a.Clone();
  EXPECT_EQ(c.public_key(), a.public_key());
  const Bytes message = {1, 2, 3};
  EXPECT_EQ(c.Sign(message), a.Sign(message)) << "Ed25519 signatures are deterministic";
  EXPECT_NE(SigningKey::FromSeed(SecretKey::Random()).public_key(), a.public_key());
}

TEST(SigningKeyTest, VerificationFailsOnAnyChange) {
  const SigningKey key = SigningKey::FromSeed(SecretKey::Random());
  const Bytes message = {'m', 'a', 'n', 'i', 'f', 'e', 's', 't'};
  const Signature signature = key.Sign(message);
  EXPECT_TRUE(VerifySignature(key.public_key(), message, signature));
  Bytes changed = message;
  changed[3] ^= 1;
  EXPECT_FALSE(VerifySignature(key.public_key(), changed, signature));
  for (size_t i = 0; i < signature.size(); ++i) {
    Signature bad = signature;
    bad[i] ^= 0x40;
    EXPECT_FALSE(VerifySignature(key.public_key(), message, bad)) << i;
  }
  EXPECT_FALSE(VerifySignature(SigningKey::FromSeed(SecretKey::Random()).public_key(), message, signature));
}

}  // namespace
}  // namespace pillarbox::privacy
