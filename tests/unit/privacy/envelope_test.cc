#include "privacy/envelope.h"

#include <gtest/gtest.h>

#include <string>

namespace pillarbox::privacy {
namespace {

constexpr FieldContext kContext{"report_fields", "r-123", "narrative", 1};
constexpr std::string_view kNarrative = "The screening model rejected every applicant over 50.";

void ExpectDataLoss(const Result<std::string>& opened, const std::string& what) {
  ASSERT_FALSE(opened.ok()) << what << " opened as: " << *opened;
  EXPECT_EQ(opened.status().code(), StatusCode::kDataLoss) << what;
}

TEST(EnvelopeTest, AssociatedDataHasExactLayout) {
  EXPECT_EQ(AssociatedData(kContext), "pillarbox/v1|report_fields|r-123|narrative|1");
  EXPECT_EQ(AssociatedData({"t", "", "f", 4294967295u}), "pillarbox/v1|t||f|4294967295");
}

TEST(EnvelopeTest, SealFieldRoundTripsAndHasDocumentedLayout) {
  SecretKey key = SecretKey::Random();
  Bytes sealed = SealField(key, kContext, kNarrative);
  ASSERT_EQ(sealed.size(), 1 + 24 + 64 + 16u);
  EXPECT_EQ(sealed[0], 0x01);
  EXPECT_EQ(std::string(sealed.begin(), sealed.end()).find("screening"), std::string::npos);
  Result<std::string> opened = OpenField(key, kContext, sealed);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(*opened, kNarrative);
}

TEST(EnvelopeTest, EmptyAndLargePlaintextsRoundTrip) {
  SecretKey key = SecretKey::Random();
  for (const std::string& text : {std::string(), std::string(70000, 'x'), std::string("\0\x80\xff", 3)}) {
    Result<std::string> opened = OpenField(key, kContext, SealField(key, kContext, text));
    ASSERT_TRUE(opened.ok()) << text.size();
    EXPECT_EQ(*opened, text);
  }
}

TEST(EnvelopeTest, SameBucketGivesSameCiphertextSize) {
  SecretKey key = SecretKey::Random();
  EXPECT_EQ(SealField(key, kContext, "a").size(), SealField(key, kContext, std::string(63, 'b')).size());
  EXPECT_EQ(SealField(key, kContext, std::string(100, 'c')).size(),
            SealField(key, kContext, std::string(200, 'd')).size());
  EXPECT_LT(SealField(key, kContext, "a").size(), SealField(key, kContext, std::string(64, 'b')).size());
}

TEST(EnvelopeTest, SealingTwiceUsesFreshNonces) {
  SecretKey key = SecretKey::Random();
  EXPECT_NE(SealField(key, kContext, kNarrative), SealField(key, kContext, kNarrative));
}

TEST(EnvelopeTest, EverySingleByteTamperingIsDataLoss) {
  SecretKey key = SecretKey::Random();
  const Bytes sealed = SealField(key, kContext, kNarrative);
  for (size_t i = 0; i < sealed.size(); ++i) {
    Bytes tampered = sealed;
    tampered[i] ^= 0x01;
    ExpectDataLoss(OpenField(key, kContext, tampered), "flip at byte " + std::to_string(i));
  }
}

TEST(EnvelopeTest, TruncationAndExtensionAreDataLoss) {
  SecretKey key = SecretKey::Random();
  const Bytes sealed = SealField(key, kContext, kNarrative);
  for (size_t size = 0; size < sealed.size(); ++size) {
    ExpectDataLoss(OpenField(key, kContext, ByteView(sealed).first(size)), "truncated to " + std::to_string(size));
  }
  Bytes extended = sealed;
  extended.push_back(0);
  ExpectDataLoss(OpenField(key, kContext, extended), "extended");
}

TEST(EnvelopeTest, OtherContextOrKeyIsDataLoss) {
  SecretKey key = SecretKey::Random();
  const Bytes sealed = SealField(key, kContext, kNarrative);
  ExpectDataLoss(OpenField(key, {"report_fields", "r-124", "narrative", 1}, sealed), "other record id");
  ExpectDataLoss(OpenField(key, {"report_fields", "r-123", "contact", 1}, sealed), "other field");
  ExpectDataLoss(OpenField(key, {"messages", "r-123", "narrative", 1}, sealed), "other table");
  ExpectDataLoss(OpenField(key, {"report_fields", "r-123", "narrative", 2}, sealed), "other key version");
  ExpectDataLoss(OpenField(SecretKey::Random(), kContext, sealed), "other key");
}

TEST(EnvelopeTest, SealKeyToOpensOnlyForRecipient) {
  BoxKeyPair desk = BoxKeyPair::Generate();
  SecretKey data_key = SecretKey::Random();
  Bytes sealed = SealKeyTo(desk.public_key, data_key);
  Result<SecretKey> opened = OpenSealedKey(desk, sealed);
  ASSERT_TRUE(opened.ok());
  EXPECT_TRUE(std::equal(opened->bytes().begin(), opened->bytes().end(), data_key.bytes().begin()));
  EXPECT_EQ(OpenSealedKey(BoxKeyPair::Generate(), sealed).status().code(), StatusCode::kDataLoss);
  for (size_t i = 0; i < sealed.size(); ++i) {
    Bytes tampered = sealed;
    tampered[i] ^= 0x80;
    EXPECT_EQ(OpenSealedKey(desk, tampered).status().code(), StatusCode::kDataLoss) << i;
  }
  sealed.pop_back();
  EXPECT_EQ(OpenSealedKey(desk, sealed).status().code(), StatusCode::kDataLoss);
}

TEST(EnvelopeTest, WrapKeyRoundTripsAndBindsPurposeAndKey) {
  SecretKey wrapping_key = SecretKey::Random();
  SecretKey data_key = SecretKey::Random();
  Bytes wrapped = WrapKey(wrapping_key, "reporter-data-key", data_key);
  ASSERT_EQ(wrapped.size(), 1 + 24 + 32 + 16u);
  EXPECT_EQ(wrapped[0], 0x01);
  Result<SecretKey> unwrapped = UnwrapKey(wrapping_key, "reporter-data-key", wrapped);
  ASSERT_TRUE(unwrapped.ok());
  EXPECT_TRUE(std::equal(unwrapped->bytes().begin(), unwrapped->bytes().end(), data_key.bytes().begin()));
  EXPECT_EQ(UnwrapKey(wrapping_key, "recovery", wrapped).status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(UnwrapKey(SecretKey::Random(), "reporter-data-key", wrapped).status().code(), StatusCode::kDataLoss);
  for (size_t i = 0; i < wrapped.size(); ++i) {
    Bytes tampered = wrapped;
    tampered[i] ^= 0x01;
    EXPECT_EQ(UnwrapKey(wrapping_key, "reporter-data-key", tampered).status().code(), StatusCode::kDataLoss) << i;
  }
}

TEST(EnvelopeTest, SealedFieldDoesNotUnwrapAsKeyNorTheReverse) {
  SecretKey key = SecretKey::Random();
  Bytes wrapped = WrapKey(key, "reporter-data-key", SecretKey::Random());
  ExpectDataLoss(OpenField(key, kContext, wrapped), "wrapped key opened as field");
  Bytes sealed = SealField(key, kContext, std::string(32, 'k'));
  EXPECT_EQ(UnwrapKey(key, "reporter-data-key", sealed).status().code(), StatusCode::kDataLoss);
}

}  // namespace
}  // namespace pillarbox::privacy
