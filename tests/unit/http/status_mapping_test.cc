#include "http/status_mapping.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace pillarbox::http {
namespace {

TEST(StatusMappingTest, EachCodeMapsToItsHttpStatus) {
  EXPECT_EQ(HttpCodeFor(Status::Ok()), 200);
  EXPECT_EQ(HttpCodeFor(Status::InvalidArgument("x")), 400);
  EXPECT_EQ(HttpCodeFor(Status::Unauthenticated("x")), 401);
  EXPECT_EQ(HttpCodeFor(Status::PermissionDenied("x")), 403);
  EXPECT_EQ(HttpCodeFor(Status::NotFound("x")), 404);
  EXPECT_EQ(HttpCodeFor(Status::Conflict("x")), 409);
  EXPECT_EQ(HttpCodeFor(Status::PayloadTooLarge("x")), 413);
  EXPECT_EQ(HttpCodeFor(Status::UnsupportedMedia("x")), 415);
  EXPECT_EQ(HttpCodeFor(Status::ResourceExhausted("x")), 503);
  EXPECT_EQ(HttpCodeFor(Status::Unavailable("x")), 503);
  EXPECT_EQ(HttpCodeFor(Status::DataLoss("x")), 500);
  EXPECT_EQ(HttpCodeFor(Status::Internal("x")), 500);
}

TEST(StatusMappingTest, ClientErrorsCarryFieldAndMessage) {
  const auto body = nlohmann::json::parse(ErrorBody(Status::InvalidArgument("is required", "answers.narrative")));
  EXPECT_EQ(body["error"]["code"], "invalid_argument");
  EXPECT_EQ(body["error"]["field"], "answers.narrative");
  EXPECT_EQ(body["error"]["message"], "is required");
}

TEST(StatusMappingTest, ServerErrorsHideInternalDetail) {
  const std::string body = ErrorBody(Status::Internal("sqlite3_step: disk I/O error at pillarbox.db"));
  EXPECT_EQ(body.find("sqlite"), std::string::npos) << body;
  EXPECT_EQ(nlohmann::json::parse(body)["error"]["message"], "internal error");
  EXPECT_EQ(ErrorBody(Status::DataLoss("tag mismatch in report 1234")).find("1234"), std::string::npos);
}

TEST(StatusMappingTest, FieldIsOmittedWhenEmpty) {
  const auto body = nlohmann::json::parse(ErrorBody(Status::ResourceExhausted("busy")));
  EXPECT_FALSE(body["error"].contains("field"));
}

}  // namespace
}  // namespace pillarbox::http
