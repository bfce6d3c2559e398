#include "privacy/content_hash.h"

#include <gtest/gtest.h>
#include <sodium.h>

namespace pillarbox::privacy {
namespace {

TEST(ContentHashTest, MatchesKnownBlake2b256) {
  EXPECT_EQ(ToHex(HashContent({})), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  EXPECT_EQ(ToHex(HashContent(AsBytes("abc"))), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}

TEST(ContentHashTest, PiecesHashLikeTheWhole) {
  Bytes content(200000);
  for (size_t i = 0; i < content.size(); ++i) content[i] = static_cast<uint8_t>(i * 7);
  ContentHasher hasher;
  for (size_t offset = 0; offset < content.size(); offset += 65536) {
    hasher.Update(ByteView(content).subspan(offset, std::min<size_t>(65536, content.size() - offset)));
  }
  ContentHash expected{};
  crypto_generichash(expected.data(), expected.size(), content.data(), content.size(), nullptr, 0);
  EXPECT_EQ(hasher.Finish(), expected);
  EXPECT_EQ(HashContent(content), expected);
}

}  // namespace
}  // namespace pillarbox::privacy
