// Decoding HTML form bodies: + and %XX, repeated keys, refusals.
#include "http/form_body.h"

#include <gtest/gtest.h>

namespace pillarbox::http {
namespace {

TEST(FormBodyTest, DecodesPlusPercentAndRepeatedKeys) {
  auto fields = DecodeFormBody("summary=a+b%2Bc%20d&harms=pay&harms=hours&empty=&flag&&name%5B%5D=%C3%A9");
  ASSERT_TRUE(fields.ok()) << fields.status().message();
  EXPECT_EQ(fields->at("summary"), std::vector<std::string>{"a b+c d"});
  EXPECT_EQ(fields->at("harms"), (std::vector<std::string>{"pay", "hours"}));
  EXPECT_EQ(fields->at("empty"), std::vector<std::string>{""});
  EXPECT_EQ(fields->at("flag"), std::vector<std::string>{""});
  EXPECT_EQ(fields->at("name[]"), std::vector<std::string>{"\xC3\xA9"});
  EXPECT_EQ(fields->size(), 5u);
}

TEST(FormBodyTest, KeepsLineBreaksAndEqualsSignsInValues) {
  auto fields = DecodeFormBody("text=line1%0D%0Aline2%3D%3D=x");
  ASSERT_TRUE(fields.ok());
  EXPECT_EQ(fields->at("text"), std::vector<std::string>{"line1\r\nline2===x"});
}

TEST(FormBodyTest, AnEmptyBodyHasNoFields) {
  auto fields = DecodeFormBody("");
  ASSERT_TRUE(fields.ok());
  EXPECT_TRUE(fields->empty());
}

TEST(FormBodyTest, RefusesMalformedEscapesInvalidUtf8AndEmptyKeys) {
  for (const char* body : {"a=%", "a=%4", "a=%G1", "a=%1G", "%=1", "a=%C3", "a=%FF", "a=%C0%AF", "=value", "a=\xFF"}) {
    const auto fields = DecodeFormBody(body);
    EXPECT_FALSE(fields.ok()) << body;
    if (!fields.ok()) {
      EXPECT_EQ(fields.status().code(), StatusCode::kInvalidArgument) << body;
      EXPECT_EQ(fields.status().field(), "body") << body;
    }
  }
}

TEST(FormBodyTest, RefusesTooManyPairs) {
  std::string body;
  for (size_t i = 0; i <= kMaxFormPairs; ++i) body += "a=1&";
  EXPECT_FALSE(DecodeFormBody(body).ok());
  body.clear();
  for (size_t i = 0; i < kMaxFormPairs; ++i) body += "a=1&";
  EXPECT_TRUE(DecodeFormBody(body).ok());
}

TEST(FormBodyTest, SingleValueRefusesRepeats) {
  const FormFields fields{{"one", {"x"}}, {"two", {"x", "y"}}};
  EXPECT_EQ(*SingleValue(fields, "one"), "x");
  EXPECT_EQ(*SingleValue(fields, "absent"), "");
  const auto repeated = SingleValue(fields, "two");
  ASSERT_FALSE(repeated.ok());
  EXPECT_EQ(repeated.status().field(), "two");
}

}  // namespace
}  // namespace pillarbox::http
