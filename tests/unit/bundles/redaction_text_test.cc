#include "bundles/redaction_text.h"

#include <gtest/gtest.h>

#include <string>

namespace pillarbox::bundles {
namespace {

TEST(RedactionTextTest, ReplacesOneSpanWithTheMarker) {
  const auto out = ApplyRedactions("call Anna Berg at home", false, {{5, 14}});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, "call [redacted] at home");
}

TEST(RedactionTextTest, WholeFieldBecomesTheMarkerOnly) {
  const auto out = ApplyRedactions("everything here is secret", true, {});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "[redacted]");
}

TEST(RedactionTextTest, OverlappingAndTouchingSpansMergeIntoOneMarker) {
  // "abcdefghij": [1,4) and [3,6) overlap, [6,8) touches: one run [1,8).
  const auto out = ApplyRedactions("abcdefghij", false, {{3, 6}, {1, 4}, {6, 8}});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "a[redacted]ij");
  const auto contained = ApplyRedactions("abcdefghij", false, {{0, 10}, {2, 3}});
  ASSERT_TRUE(contained.ok());
  EXPECT_EQ(*contained, "[redacted]");
}

TEST(RedactionTextTest, SeparateSpansGiveSeparateMarkers) {
  const auto out = ApplyRedactions("a-b-c-d", false, {{4, 5}, {0, 1}});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "[redacted]-b-[redacted]-d");
}

TEST(RedactionTextTest, MergeSpansSortsAndMerges) {
  const auto merged = MergeSpans({{8, 9}, {0, 2}, {1, 3}, {3, 4}, {6, 7}});
  ASSERT_EQ(merged.size(), 3u);
  EXPECT_EQ(merged[0], (TextSpan{0, 4}));
  EXPECT_EQ(merged[1], (TextSpan{6, 7}));
  EXPECT_EQ(merged[2], (TextSpan{8, 9}));
}

TEST(RedactionTextTest, SpanOnCharacterBoundariesOfMultibyteText) {
  // "Zoë Ünal": Z o ë(2 bytes) ' ' Ü(2 bytes) n a l -> bytes: Z0 o1 ë2-3 sp4 Ü5-6 n7 a8 l9
  const std::string text = "Zo\xC3\xAB \xC3\x9Cnal";
  ASSERT_EQ(text.size(), 10u);
  const auto out = ApplyRedactions(text, false, {{5, 10}});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, "Zo\xC3\xAB [redacted]");
  const auto name = ApplyRedactions(text, false, {{0, 4}});
  ASSERT_TRUE(name.ok());
  EXPECT_EQ(*name, "[redacted] \xC3\x9Cnal");
}

TEST(RedactionTextTest, RefusesSpansThatSplitAUtf8Sequence) {
  const std::string text = "Zo\xC3\xAB \xC3\x9Cnal";
  for (const TextSpan span : {TextSpan{3, 5}, TextSpan{0, 3}, TextSpan{6, 8}, TextSpan{5, 6}}) {
    const Status status = CheckSpan(text, span);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << span.start << "-" << span.end;
    EXPECT_EQ(status.field(), "span");
    EXPECT_FALSE(ApplyRedactions(text, false, {span}).ok());
  }
  // A four-byte character (U+1F600) cannot be cut anywhere inside.
  const std::string emoji = "a\xF0\x9F\x98\x80z";
  for (int64_t cut = 2; cut <= 4; ++cut) {
    EXPECT_FALSE(CheckSpan(emoji, {1, cut}).ok()) << cut;
    EXPECT_FALSE(CheckSpan(emoji, {cut, 6}).ok()) << cut;
  }
  EXPECT_TRUE(CheckSpan(emoji, {1, 5}).ok());
}

TEST(RedactionTextTest, RefusesSpansOutsideTheText) {
  const std::string text = "short";
  EXPECT_FALSE(CheckSpan(text, {0, 6}).ok());
  EXPECT_FALSE(CheckSpan(text, {-1, 2}).ok());
  EXPECT_FALSE(CheckSpan(text, {3, 3}).ok());
  EXPECT_FALSE(CheckSpan(text, {4, 2}).ok());
  EXPECT_TRUE(CheckSpan(text, {0, 5}).ok());
  EXPECT_FALSE(ApplyRedactions("", false, {{0, 1}}).ok());
}

TEST(RedactionTextTest, ABadSpanRefusesEvenAWholeFieldRedaction) {
  // A stored span that no longer fits means something is wrong: refuse, never guess.
  EXPECT_FALSE(ApplyRedactions("abc", true, {{0, 9}}).ok());
}

}  // namespace
}  // namespace pillarbox::bundles
