#include "privacy/blind_index.h"

#include <gtest/gtest.h>

namespace pillarbox::privacy {
namespace {

TEST(NormalizeForIndexTest, DocumentedExample) {
  EXPECT_EQ(NormalizeForIndex("  ACME, Inc. "), "acme");
  EXPECT_EQ(NormalizeForIndex("acme inc"), "acme");
}

TEST(NormalizeForIndexTest, CollapsesSeparatorsAndTrimsPunctuation) {
  EXPECT_EQ(NormalizeForIndex("Open\t\tAI"), "open ai");
  EXPECT_EQ(NormalizeForIndex("Smith & Jones (UK) Ltd."), "smith jones uk");
  EXPECT_EQ(NormalizeForIndex("!!Acme!!"), "acme");
  EXPECT_EQ(NormalizeForIndex("a.b,c-d_e/f'g\"h"), "a b c d e f g h");
  EXPECT_EQ(NormalizeForIndex("  ...  "), "");
}

TEST(NormalizeForIndexTest, DropsOnlyOneTrailingLegalForm) {
  EXPECT_EQ(NormalizeForIndex("Siemens AG"), "siemens");
  EXPECT_EQ(NormalizeForIndex("Foo GmbH & Co"), "foo gmbh");
  EXPECT_EQ(NormalizeForIndex("Inc Widgets"), "inc widgets");
  EXPECT_EQ(NormalizeForIndex("Co"), "co");
  EXPECT_EQ(NormalizeForIndex("Acme Incorporated"), "acme incorporated");
}

TEST(NormalizeForIndexTest, KeepsNonAsciiAsIs) {
  EXPECT_EQ(NormalizeForIndex("ÉCOLE Société SA"), "École société");
}

TEST(BlindIndexTest, EqualForEquivalentValues) {
  SecretKey key = SecretKey::Random();
  Bytes a = BlindIndex(key, "organization", "  ACME, Inc. ");
  EXPECT_EQ(a.size(), kBlindIndexBytes);
  EXPECT_EQ(a, BlindIndex(key, "organization", "acme inc"));
  EXPECT_NE(a, BlindIndex(key, "organization", "acme corp international"));
}

TEST(BlindIndexTest, DiffersByFieldAndByKey) {
  SecretKey key = SecretKey::Random();
  Bytes a = BlindIndex(key, "organization", "acme");
  EXPECT_NE(a, BlindIndex(key, "ai_system", "acme"));
  EXPECT_NE(a, BlindIndex(SecretKey::Random(), "organization", "acme"));
}

TEST(BlindIndexTest, FieldSeparatorPreventsAmbiguity) {
  SecretKey key = SecretKey::Random();
  EXPECT_NE(BlindIndex(key, "org", "xacme"), BlindIndex(key, "orgx", "acme"));
}

TEST(BlindIndexTest, StableForAFixedKey) {
  Bytes raw(kKeyBytes, 0x11);
  Result<SecretKey> key = SecretKey::FromBytes(raw);
  ASSERT_TRUE(key.ok());
  Result<SecretKey> same = SecretKey::FromBytes(raw);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(BlindIndex(*key, "organization", "Acme"), BlindIndex(*same, "organization", "ACME LLC"));
}

}  // namespace
}  // namespace pillarbox::privacy
