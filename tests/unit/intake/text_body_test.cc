#include "intake/text_body.h"

#include <gtest/gtest.h>

#include <string>

namespace pillarbox::intake {
namespace {

TEST(TextBodyTest, OneToTenThousandCharacters) {
  EXPECT_TRUE(ValidateTextBody("x").ok());
  EXPECT_TRUE(ValidateTextBody("line one\nline two").ok());
  std::string longest;
  for (int i = 0; i < 10000; ++i) longest += "ü";
  EXPECT_TRUE(ValidateTextBody(longest).ok());
  for (const std::string& bad : {std::string(), std::string(" \n\t"), longest + "x", std::string("\xc3")}) {
    const Status status = ValidateTextBody(bad);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(status.field(), "body");
  }
}

}  // namespace
}  // namespace pillarbox::intake
