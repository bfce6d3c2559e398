#include "privacy/padding.h"

#include <gtest/gtest.h>

namespace pillarbox::privacy {
namespace {

Bytes Filled(size_t size) {
  Bytes bytes(size);
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<uint8_t>(i * 31 + 7);
  return bytes;
}

TEST(PaddingTest, LengthsLandExactlyOnBuckets) {
  EXPECT_EQ(PaddedLength(0), 64u);
  EXPECT_EQ(PaddedLength(63), 64u);
  EXPECT_EQ(PaddedLength(64), 256u);
  EXPECT_EQ(PaddedLength(255), 256u);
  EXPECT_EQ(PaddedLength(256), 1024u);
  EXPECT_EQ(PaddedLength(4095), 4096u);
  EXPECT_EQ(PaddedLength(16383), 16384u);
  EXPECT_EQ(PaddedLength(65535), 65536u);
  EXPECT_EQ(PaddedLength(65536), 131072u);
  EXPECT_EQ(PaddedLength(70000), 131072u);
  EXPECT_EQ(PaddedLength(131072), 196608u);
}

TEST(PaddingTest, PadProducesPaddedLengthAndRoundTrips) {
  for (size_t size : {0, 1, 63, 64, 65, 255, 256, 1000, 4096, 65535, 65536, 70000}) {
    Bytes plaintext = Filled(size);
    Bytes padded = Pad(plaintext);
    ASSERT_EQ(padded.size(), PaddedLength(size)) << size;
    Result<Bytes> unpadded = Unpad(padded);
    ASSERT_TRUE(unpadded.ok()) << size;
    EXPECT_EQ(*unpadded, plaintext) << size;
  }
}

TEST(PaddingTest, UsesIsoMarkerThenZeros) {
  Bytes padded = Pad(AsBytes("abc"));
  ASSERT_EQ(padded.size(), 64u);
  EXPECT_EQ(padded[3], 0x80);
  for (size_t i = 4; i < padded.size(); ++i) EXPECT_EQ(padded[i], 0) << i;
}

TEST(PaddingTest, UnpadRejectsMalformedPadding) {
  EXPECT_EQ(Unpad(Bytes(64, 0)).status().code(), StatusCode::kDataLoss);  // No marker.
  EXPECT_EQ(Unpad(Bytes{}).status().code(), StatusCode::kDataLoss);
  Bytes odd_length = Pad(AsBytes("abc"));
  odd_length.pop_back();
  EXPECT_EQ(Unpad(odd_length).status().code(), StatusCode::kDataLoss);
  Bytes nonzero_tail = Pad(AsBytes("abc"));
  nonzero_tail[40] = 1;
  EXPECT_EQ(Unpad(nonzero_tail).status().code(), StatusCode::kDataLoss);
}

TEST(PaddingTest, UnpadRejectsNonCanonicalBucket) {
  Bytes short_in_big_bucket(256, 0);  // Three bytes padded to 256 would have used the 64 bucket.
  short_in_big_bucket[3] = 0x80;
  EXPECT_EQ(Unpad(short_in_big_bucket).status().code(), StatusCode::kDataLoss);
}

}  // namespace
}  // namespace pillarbox::privacy
