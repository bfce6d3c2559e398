#include "privacy/secret_stream.h"

#include <gtest/gtest.h>

#include <vector>

namespace pillarbox::privacy {
namespace {

struct Sealed {
  SecretStreamHeader header;
  std::vector<Bytes> pieces;
};

Sealed Seal(const SecretKey& key, const std::string& context, const std::vector<Bytes>& pieces) {
  SecretStreamWriter writer(key, context);
  Sealed sealed{writer.header(), {}};
  for (size_t i = 0; i < pieces.size(); ++i) {
    Bytes ciphertext;
    writer.Push(pieces[i], i + 1 == pieces.size(), ciphertext);
    EXPECT_EQ(ciphertext.size(), pieces[i].size() + kSecretStreamOverhead);
    sealed.pieces.push_back(ciphertext);
  }
  return sealed;
}

// The plaintext pieces, or an error when any piece fails or the last is not FINAL.
Result<std::vector<Bytes>> Open(const SecretKey& key, const std::string& context, const Sealed& sealed) {
  PB_ASSIGN_OR_RETURN(auto reader, SecretStreamReader::Start(key, sealed.header, context));
  std::vector<Bytes> pieces;
  bool final = false;
  for (const Bytes& piece : sealed.pieces) {
    Bytes plaintext;
    PB_RETURN_IF_ERROR(reader.Pull(piece, plaintext, final));
    pieces.push_back(plaintext);
  }
  if (!final) return Status::DataLoss("no final piece");
  return pieces;
}

const std::vector<Bytes> kPieces = {Bytes(1000, 'a'), Bytes(), Bytes{'z'}, Bytes(70000, 'q')};

TEST(SecretStreamTest, RoundTrips) {
  const SecretKey key = SecretKey::Random();
  auto opened = Open(key, "bundle|1|entry|0", Seal(key, "bundle|1|entry|0", kPieces));
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(*opened, kPieces);
}

TEST(SecretStreamTest, AnotherContextKeyOrHeaderFails) {
  const SecretKey key = SecretKey::Random();
  const Sealed sealed = Seal(key, "bundle|1|entry|0", kPieces);
  EXPECT_EQ(Open(key, "bundle|1|entry|1", sealed).status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(Open(SecretKey::Random(), "bundle|1|entry|0", sealed).status().code(), StatusCode::kDataLoss);
  Sealed other_header = sealed;
  other_header.header[5] ^= 1;
  EXPECT_EQ(Open(key, "bundle|1|entry|0", other_header).status().code(), StatusCode::kDataLoss);
}

TEST(SecretStreamTest, ChangedReorderedDroppedOrExtraPiecesFail) {
  const SecretKey key = SecretKey::Random();
  const Sealed sealed = Seal(key, "c", kPieces);
  Sealed changed = sealed;
  changed.pieces[3][100] ^= 1;
  EXPECT_FALSE(Open(key, "c", changed).ok());
  Sealed reordered = sealed;
  std::swap(reordered.pieces[0], reordered.pieces[2]);
  EXPECT_FALSE(Open(key, "c", reordered).ok());
  Sealed truncated = sealed;
  truncated.pieces.pop_back();
  EXPECT_FALSE(Open(key, "c", truncated).ok()) << "no FINAL piece";
  Sealed extra = sealed;
  extra.pieces.push_back(sealed.pieces[0]);
  EXPECT_FALSE(Open(key, "c", extra).ok()) << "a piece after FINAL";
  Sealed short_piece = sealed;
  short_piece.pieces[1].resize(kSecretStreamOverhead - 1);
  EXPECT_FALSE(Open(key, "c", short_piece).ok());
}

}  // namespace
}  // namespace pillarbox::privacy
