#include "reporter/evidence_meta.h"

#include <gtest/gtest.h>

namespace pillarbox::reporter {
namespace {

TEST(EvidenceMetaTest, RoundTrips) {
  const EvidenceMeta meta{"lettre \xC3\xA9t\xC3\xA9 \"2024\".pdf", "application/pdf", "pdf", 123456,
                          {}, {"pdf_metadata_kept"}};
  const auto decoded = DecodeEvidenceMeta(EncodeEvidenceMeta(meta));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(*decoded, meta);
}

TEST(EvidenceMetaTest, AnythingElseIsDataLoss) {
  for (const char* text : {"", "null", "[]", "{}", R"({"name":"a","type":"b","ext":"c","size":-1,"removed":[],"warnings":[]})",
                           R"({"name":"a","type":"b","ext":"c","size":1,"removed":[1],"warnings":[]})",
                           R"({"name":1,"type":"b","ext":"c","size":1,"removed":[],"warnings":[]})",
                           R"({"name":"a","type":"b","ext":"c","size":1,"removed":[]})", "{\"name\":"}) {
    EXPECT_EQ(DecodeEvidenceMeta(text).status().code(), StatusCode::kDataLoss) << text;
  }
}

TEST(EvidenceMetaTest, NamesAreCheckedByCodePoints) {
  EXPECT_TRUE(ValidateEvidenceName("a").ok());
  EXPECT_TRUE(ValidateEvidenceName(std::string(200, 'a')).ok());
  std::string accents;
  for (int i = 0; i < 200; ++i) accents += "\xC3\xA9";  // 200 code points, 400 bytes
  EXPECT_TRUE(ValidateEvidenceName(accents).ok());
  EXPECT_EQ(ValidateEvidenceName(accents + "a").field(), "name");
  EXPECT_EQ(ValidateEvidenceName("").field(), "name");
  EXPECT_EQ(ValidateEvidenceName("line\nbreak").field(), "name");
  EXPECT_EQ(ValidateEvidenceName("c1 \xC2\x85 control").field(), "name");
  EXPECT_EQ(ValidateEvidenceName("\xED\xA0\x80 surrogate").field(), "name");
}

}  // namespace
}  // namespace pillarbox::reporter
