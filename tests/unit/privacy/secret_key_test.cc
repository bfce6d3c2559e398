#include <gtest/gtest.h>

#include <algorithm>
#include <utility>

#include "privacy/bytes.h"

namespace pillarbox::privacy {
namespace {

Bytes Copy(ByteView view) { return Bytes(view.begin(), view.end()); }

TEST(SecretKeyTest, RandomKeysHaveKeySizeAndDiffer) {
  SecretKey a = SecretKey::Random();
  SecretKey b = SecretKey::Random();
  ASSERT_EQ(a.bytes().size(), kKeyBytes);
  EXPECT_NE(Copy(a.bytes()), Copy(b.bytes()));
  EXPECT_NE(Copy(a.bytes()), Bytes(kKeyBytes, 0));
}

TEST(SecretKeyTest, FromBytesCopiesExactlyThirtyTwoBytes) {
  Bytes raw(kKeyBytes);
  for (size_t i = 0; i < raw.size(); ++i) raw[i] = static_cast<uint8_t>(i * 7);
  Result<SecretKey> key = SecretKey::FromBytes(raw);
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(Copy(key->bytes()), raw);
  EXPECT_NE(key->bytes().data(), raw.data());
}

TEST(SecretKeyTest, FromBytesRejectsOtherLengths) {
  for (size_t size : {size_t{0}, size_t{16}, size_t{31}, size_t{33}, size_t{64}}) {
    Result<SecretKey> key = SecretKey::FromBytes(Bytes(size, 1));
    ASSERT_FALSE(key.ok()) << size;
    EXPECT_EQ(key.status().code(), StatusCode::kInvalidArgument);
  }
}

TEST(SecretKeyTest, MoveLeavesSourceEmptyAndKeepsBytes) {
  SecretKey a = SecretKey::Random();
  Bytes expected = Copy(a.bytes());
  SecretKey b = std::move(a);
  EXPECT_TRUE(a.bytes().empty());  // NOLINT(bugprone-use-after-move): the contract under test.
  EXPECT_EQ(Copy(b.bytes()), expected);
  SecretKey c = SecretKey::Random();
  c = std::move(b);
  EXPECT_TRUE(b.bytes().empty());  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(Copy(c.bytes()), expected);
}

TEST(SecretKeyTest, CloneHasSameBytesInOtherMemory) {
  SecretKey a = SecretKey::Random();
  SecretKey b = a.Clone();
  EXPECT_EQ(Copy(a.bytes()), Copy(b.bytes()));
  EXPECT_NE(a.bytes().data(), b.bytes().data());
}

TEST(BoxKeyPairTest, FromSecretKeyRecomputesPublicKey) {
  BoxKeyPair pair = BoxKeyPair::Generate();
  BoxKeyPair rebuilt = BoxKeyPair::FromSecretKey(pair.secret_key.Clone());
  EXPECT_EQ(rebuilt.public_key, pair.public_key);
  EXPECT_NE(BoxKeyPair::Generate().public_key, pair.public_key);
}

TEST(RandomBytesTest, ReturnsRequestedSizeAndVaries) {
  EXPECT_TRUE(RandomBytes(0).empty());
  Bytes a = RandomBytes(32);
  ASSERT_EQ(a.size(), 32u);
  EXPECT_NE(a, RandomBytes(32));
}

TEST(HexTest, RoundTripsAndRejectsBadInput) {
  Bytes data = {0x00, 0x7f, 0xab, 0xff};
  EXPECT_EQ(ToHex(data), "007fabff");
  Result<Bytes> decoded = FromHex("007FabFF");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, data);
  EXPECT_FALSE(FromHex("abc").ok());
  EXPECT_FALSE(FromHex("zz").ok());
}

}  // namespace
}  // namespace pillarbox::privacy
