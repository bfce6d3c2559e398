#include "http/content_type.h"

#include <gtest/gtest.h>

namespace pillarbox::http {
namespace {

TEST(ContentTypeTest, AcceptsTheMediaTypeWithOrWithoutUtf8Charset) {
  EXPECT_TRUE(RequireMediaType("application/json", "application/json").ok());
  EXPECT_TRUE(RequireMediaType("Application/JSON", "application/json").ok());
  EXPECT_TRUE(RequireMediaType("application/json; charset=utf-8", "application/json").ok());
  EXPECT_TRUE(RequireMediaType("application/json;charset=UTF-8", "application/json").ok());
  EXPECT_TRUE(RequireMediaType(" application/json ", "application/json").ok());
}

TEST(ContentTypeTest, RefusesMissingOtherTypesAndOtherCharsets) {
  for (const char* value : {"text/plain", "application/jsonx", "application/x-www-form-urlencoded",
                            "application/json; charset=latin1", "application/json; boundary=x", ""}) {
    const Status status = RequireMediaType(value, "application/json");
    EXPECT_EQ(status.code(), StatusCode::kUnsupportedMedia) << value;
  }
  EXPECT_EQ(RequireMediaType(std::nullopt, "application/json").code(), StatusCode::kUnsupportedMedia);
}

}  // namespace
}  // namespace pillarbox::http
