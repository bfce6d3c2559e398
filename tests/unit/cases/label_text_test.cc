#include "cases/label_text.h"

#include <gtest/gtest.h>

#include "cases/pillars.h"

namespace pillarbox::cases {
namespace {

TEST(TagNameTest, TrimsAndAcceptsUnicode) {
  EXPECT_EQ(*NormalizeTagName("  wage theft\t"), "wage theft");
  EXPECT_EQ(*NormalizeTagName("salário"), "salário");
  EXPECT_EQ(*NormalizeTagName(std::string(64, 'x')), std::string(64, 'x'));
  std::string sixty_four_wide;
  for (int i = 0; i < 64; ++i) sixty_four_wide += "é";  // 64 characters, 128 bytes
  EXPECT_TRUE(NormalizeTagName(sixty_four_wide).ok());
}

TEST(TagNameTest, RefusesEmptyLongControlAndInvalidUtf8NamingName) {
  for (const std::string& bad :
       {std::string(""), std::string("   "), std::string(65, 'x'), std::string("a\x01z"), std::string("a\x7fz"),
        std::string("a\xc2\x85z"), std::string("a\nb"), std::string("\xff\xfe")}) {
    const auto result = NormalizeTagName(bad);
    ASSERT_FALSE(result.ok()) << bad;
    EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(result.status().field(), "name");
  }
}

TEST(PillarsTest, NineKnownValues) {
  EXPECT_EQ(kPillars.size(), 9u);
  EXPECT_TRUE(IsPillar("labor"));
  EXPECT_TRUE(IsPillar("data_centers"));
  EXPECT_FALSE(IsPillar("Labor"));
  EXPECT_FALSE(IsPillar(""));
}

}  // namespace
}  // namespace pillarbox::cases
