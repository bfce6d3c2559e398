#include "privacy/keyed_hash.h"

#include <gtest/gtest.h>

namespace pillarbox::privacy {
namespace {

SecretKey KeyOf(uint8_t first) {
  Bytes bytes(kKeyBytes);
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<uint8_t>(first + i);
  Result<SecretKey> key = SecretKey::FromBytes(bytes);
  EXPECT_TRUE(key.ok());
  return std::move(key).value();
}

// BLAKE2b-256 keyed with bytes 00..1f over "pillarbox audit", computed once
// with libsodium's crypto_generichash and fixed here so the function never drifts.
TEST(KeyedHashTest, MatchesAKnownVector) {
  const Bytes digest = KeyedBlake2b256(KeyOf(0), AsBytes("pillarbox audit"));
  EXPECT_EQ(ToHex(digest), "2c68ffbacef8c872fbb492d98a86692103bd17a142aed32d1e65757557cc7415");
}

TEST(KeyedHashTest, IsThirtyTwoBytesAndDeterministic) {
  const SecretKey key = SecretKey::Random();
  const Bytes first = KeyedBlake2b256(key, AsBytes("entry"));
  EXPECT_EQ(first.size(), kKeyedHashBytes);
  EXPECT_EQ(KeyedBlake2b256(key, AsBytes("entry")), first);
}

TEST(KeyedHashTest, DependsOnEveryKeyByteAndTheMessage) {
  const Bytes reference = KeyedBlake2b256(KeyOf(0), AsBytes("entry"));
  Bytes base(kKeyBytes);
  for (size_t i = 0; i < kKeyBytes; ++i) base[i] = static_cast<uint8_t>(i);
  for (size_t i = 0; i < kKeyBytes; ++i) {
    Bytes flipped = base;
    flipped[i] ^= 0x01;
    Result<SecretKey> key = SecretKey::FromBytes(flipped);
    ASSERT_TRUE(key.ok());
    EXPECT_NE(KeyedBlake2b256(*key, AsBytes("entry")), reference) << "key byte " << i;
  }
  EXPECT_NE(KeyedBlake2b256(KeyOf(0), AsBytes("entrz")), reference);
  EXPECT_NE(KeyedBlake2b256(KeyOf(0), AsBytes("")), reference);
}

TEST(KeyedHashTest, DigestsEqualComparesLengthAndBytes) {
  const Bytes a = {1, 2, 3};
  EXPECT_TRUE(DigestsEqual(a, Bytes{1, 2, 3}));
  EXPECT_FALSE(DigestsEqual(a, Bytes{1, 2, 4}));
  EXPECT_FALSE(DigestsEqual(a, Bytes{1, 2}));
  EXPECT_TRUE(DigestsEqual(Bytes{}, Bytes{}));
}

}  // namespace
}  // namespace pillarbox::privacy
