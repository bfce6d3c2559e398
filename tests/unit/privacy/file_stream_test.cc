#include "privacy/file_stream.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <string>
#include <utility>

namespace pillarbox::privacy {
namespace {

Bytes Filled(size_t size) {
  Bytes bytes(size);
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<uint8_t>((i * 131 + 17) ^ (i >> 9));
  return bytes;
}

Result<SensitiveBytes> Open(const SecretKey& key, const SealedFileStream& sealed) {
  return OpenFileStream(key, sealed.header, sealed.chunks);
}

void ExpectDataLoss(const Result<SensitiveBytes>& opened) {
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kDataLoss);
}

TEST(FileStreamTest, RoundTripsEdgeSizes) {
  const SecretKey key = SecretKey::Random();
  for (size_t size : {size_t{0}, size_t{1}, size_t{4095}, size_t{4096}, size_t{4097}, kFileStreamMessageBytes - 1,
                      kFileStreamMessageBytes, kFileStreamMessageBytes + 1, 3 * kFileStreamMessageBytes,
                      size_t{1'000'003}}) {
    const Bytes content = Filled(size);
    const SealedFileStream sealed = SealFileStream(key, content);
    EXPECT_EQ(sealed.chunks.size(), FileStreamChunkCount(size)) << size;
    const auto opened = Open(key, sealed);
    ASSERT_TRUE(opened.ok()) << size << ": " << opened.status().ToString();
    EXPECT_EQ(opened->bytes(), content) << size;
  }
}

TEST(FileStreamTest, StoredSizeIsPaddedToFourKibibytes) {
  const SecretKey key = SecretKey::Random();
  auto stored_plaintext = [&](size_t size) {
    size_t total = 0;
    for (const Bytes& chunk : SealFileStream(key, Filled(size)).chunks) total += chunk.size() - kFileStreamMessageOverhead;
    return total;
  };
  EXPECT_EQ(stored_plaintext(0), 4096u);
  EXPECT_EQ(stored_plaintext(1), 4096u);
  EXPECT_EQ(stored_plaintext(4000), 4096u);
  EXPECT_EQ(stored_plaintext(4095), 4096u);
  EXPECT_EQ(stored_plaintext(4096), 8192u);  // padding always adds a byte
  EXPECT_EQ(stored_plaintext(kFileStreamMessageBytes), kFileStreamMessageBytes + 4096);
  // A multiple of the message size gets one more (padding-only) message, tagged FINAL.
  EXPECT_EQ(FileStreamChunkCount(kFileStreamMessageBytes), 2u);
  EXPECT_EQ(FileStreamChunkCount(kFileStreamMessageBytes - 1), 1u);
  EXPECT_EQ(FileStreamChunkCount(0), 1u);
}

TEST(FileStreamTest, EachChunkHoldsOneMessageOfAtMostSixtyFourKibibytes) {
  const SealedFileStream sealed = SealFileStream(SecretKey::Random(), Filled(200'000));
  ASSERT_EQ(sealed.chunks.size(), 4u);  // 200000 -> 200704 padded: 3 full messages + 4096
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(sealed.chunks[i].size(), kFileStreamMessageBytes + kFileStreamMessageOverhead);
  EXPECT_EQ(sealed.chunks[3].size(), 4096 + kFileStreamMessageOverhead);
}

TEST(FileStreamTest, CiphertextDoesNotContainThePlaintext) {
  const std::string canary = "FILE-CANARY-7f3a-wage-decision";
  std::string text;
  while (text.size() < 100'000) text += canary;
  const SealedFileStream sealed = SealFileStream(SecretKey::Random(), AsBytes(text));
  for (const Bytes& chunk : sealed.chunks) {
    const std::string stored(chunk.begin(), chunk.end());
    EXPECT_EQ(stored.find("FILE-CANARY"), std::string::npos);
  }
}

TEST(FileStreamTest, SameContentSealsDifferentlyEachTime) {
  const SecretKey key = SecretKey::Random();
  const Bytes content = Filled(5000);
  EXPECT_NE(SealFileStream(key, content).header, SealFileStream(key, content).header);
}

class FileStreamTamperTest : public ::testing::Test {
 protected:
  SecretKey key_ = SecretKey::Random();
  Bytes content_ = Filled(3 * kFileStreamMessageBytes + 1000);  // 4 messages
  SealedFileStream sealed_ = SealFileStream(key_, content_);
};

TEST_F(FileStreamTamperTest, IntactStreamOpens) {
  ASSERT_EQ(sealed_.chunks.size(), 4u);
  const auto opened = Open(key_, sealed_);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->bytes(), content_);
}

TEST_F(FileStreamTamperTest, WrongKeyFails) { ExpectDataLoss(Open(SecretKey::Random(), sealed_)); }

TEST_F(FileStreamTamperTest, ChangedHeaderFails) {
  sealed_.header[3] ^= 0x01;
  ExpectDataLoss(Open(key_, sealed_));
}

TEST_F(FileStreamTamperTest, ShortHeaderFails) {
  ExpectDataLoss(OpenFileStream(key_, ByteView(sealed_.header).first(23), sealed_.chunks));
}

TEST_F(FileStreamTamperTest, ChangedByteInAnyChunkFails) {
  for (size_t i = 0; i < sealed_.chunks.size(); ++i) {
    for (size_t position : {size_t{0}, sealed_.chunks[i].size() / 2, sealed_.chunks[i].size() - 1}) {
      SealedFileStream copy = sealed_;
      copy.chunks[i][position] ^= 0x40;
      ExpectDataLoss(Open(key_, copy));
    }
  }
}

TEST_F(FileStreamTamperTest, ReorderedChunksFail) {
  SealedFileStream copy = sealed_;
  std::swap(copy.chunks[0], copy.chunks[1]);
  ExpectDataLoss(Open(key_, copy));
  copy = sealed_;
  std::swap(copy.chunks[2], copy.chunks[3]);  // the FINAL message moved forward
  ExpectDataLoss(Open(key_, copy));
}

TEST_F(FileStreamTamperTest, MissingMiddleChunkFails) {
  SealedFileStream copy = sealed_;
  copy.chunks.erase(copy.chunks.begin() + 1);
  ExpectDataLoss(Open(key_, copy));
}

TEST_F(FileStreamTamperTest, TruncatedStreamWithoutFinalTagFails) {
  SealedFileStream copy = sealed_;
  copy.chunks.pop_back();  // every remaining message is valid, but none is FINAL
  ExpectDataLoss(Open(key_, copy));
  copy.chunks.clear();
  ExpectDataLoss(Open(key_, copy));
}

TEST_F(FileStreamTamperTest, ExtraChunkAfterFinalFails) {
  SealedFileStream copy = sealed_;
  copy.chunks.push_back(copy.chunks.back());
  ExpectDataLoss(Open(key_, copy));
  // A message from another stream under the same key appended after FINAL.
  SealedFileStream other = SealFileStream(key_, Filled(10));
  copy = sealed_;
  copy.chunks.push_back(other.chunks[0]);
  ExpectDataLoss(Open(key_, copy));
}

TEST_F(FileStreamTamperTest, ChunkFromAnotherStreamFails) {
  SealedFileStream other = SealFileStream(key_, content_);
  SealedFileStream copy = sealed_;
  copy.chunks[1] = other.chunks[1];
  ExpectDataLoss(Open(key_, copy));
}

TEST_F(FileStreamTamperTest, TooShortChunkFails) {
  SealedFileStream copy = sealed_;
  copy.chunks[2].resize(5);
  ExpectDataLoss(Open(key_, copy));
}

// A stream sealed by hand (libsodium directly) with `message` as its single
// FINAL message, i.e. without the padding SealFileStream adds.
SealedFileStream ForgeSingleMessage(const SecretKey& key, const Bytes& message) {
  SealedFileStream forged;
  crypto_secretstream_xchacha20poly1305_state state;
  crypto_secretstream_xchacha20poly1305_init_push(&state, forged.header.data(), key.bytes().data());
  Bytes ciphertext(message.size() + kFileStreamMessageOverhead);
  crypto_secretstream_xchacha20poly1305_push(&state, ciphertext.data(), nullptr, message.data(), message.size(),
                                             nullptr, 0, crypto_secretstream_xchacha20poly1305_TAG_FINAL);
  forged.chunks.push_back(std::move(ciphertext));
  return forged;
}

TEST(FileStreamPaddingTest, AuthenticStreamWithMalformedPaddingFails) {
  const SecretKey key = SecretKey::Random();
  Bytes padded(4096, 0x41);
  padded[10] = 0x80;  // a well-formed padding, as a check of the forgery itself
  std::fill(padded.begin() + 11, padded.end(), 0);
  const auto good = Open(key, ForgeSingleMessage(key, padded));
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good->size(), 10u);
  ExpectDataLoss(Open(key, ForgeSingleMessage(key, Bytes(4096, 0))));     // no marker
  ExpectDataLoss(Open(key, ForgeSingleMessage(key, Bytes(100, 0x80))));   // not a block multiple
  ExpectDataLoss(Open(key, ForgeSingleMessage(key, Bytes{})));            // nothing at all
}

}  // namespace
}  // namespace pillarbox::privacy
