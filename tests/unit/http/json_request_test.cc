#include "http/json_request.h"

#include <gtest/gtest.h>

namespace pillarbox::http {
namespace {

TEST(JsonRequestTest, ReadsNamedStringMembers) {
  const auto body = nlohmann::json::parse(R"({"username":"alice","password":"p","extra":1})");
  std::string username, password;
  ASSERT_TRUE(ReadStringMembers(body, {{"username", &username}, {"password", &password}}).ok());
  EXPECT_EQ(username, "alice");
  EXPECT_EQ(password, "p");
}

TEST(JsonRequestTest, NamesTheFirstMissingOrNonStringMember) {
  std::string a, b;
  const Status missing = ReadStringMembers(nlohmann::json::parse(R"({"a":"x"})"), {{"a", &a}, {"b", &b}});
  EXPECT_EQ(missing.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(missing.field(), "b");
  const Status wrong_type = ReadStringMembers(nlohmann::json::parse(R"({"a":5,"b":"y"})"), {{"a", &a}, {"b", &b}});
  EXPECT_EQ(wrong_type.field(), "a");
  EXPECT_EQ(wrong_type.message(), "must be a string");
}

}  // namespace
}  // namespace pillarbox::http
