#include "http/submission_codec.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pillarbox::http {
namespace {

using intake::OtherType;

// {"kind":"k","answers":{"a": <arrays>"x"<arrays>}}: depth 2 + `arrays`.
std::string NestedBody(size_t arrays) {
  return R"({"kind":"k","answers":{"a":)" + std::string(arrays, '[') + "\"x\"" + std::string(arrays, ']') + "}}";
}

TEST(SubmissionCodecTest, DecodesStringsListsAndNulls) {
  const auto submission = DecodeSubmission(
      R"({"kind":"voice_cloning","answers":{"summary":"Hello \u00e9",)"
      R"("likeness_type":["voice","face"],"platform":null}})");
  ASSERT_TRUE(submission.ok()) << submission.status().ToString();
  EXPECT_EQ(submission->kind, "voice_cloning");
  ASSERT_EQ(submission->answers.size(), 2u);
  EXPECT_EQ(std::get<std::string>(submission->answers.at("summary")), "Hello \xC3\xA9");
  EXPECT_EQ(std::get<std::vector<std::string>>(submission->answers.at("likeness_type")),
            (std::vector<std::string>{"voice", "face"}));
  EXPECT_EQ(submission->answers.count("platform"), 0u);
}

TEST(SubmissionCodecTest, OtherJsonTypesAreNamed) {
  const auto submission =
      DecodeSubmission(R"({"kind":"k","answers":{"n":1.5,"b":true,"o":{"x":"y"},"m":["a",2],"e":[]}})");
  ASSERT_TRUE(submission.ok()) << submission.status().ToString();
  EXPECT_EQ(std::get<OtherType>(submission->answers.at("n")).type_name, "number");
  EXPECT_EQ(std::get<OtherType>(submission->answers.at("b")).type_name, "boolean");
  EXPECT_EQ(std::get<OtherType>(submission->answers.at("o")).type_name, "object");
  EXPECT_EQ(std::get<OtherType>(submission->answers.at("m")).type_name, "array of non-strings");
  EXPECT_TRUE(std::get<std::vector<std::string>>(submission->answers.at("e")).empty());
}

TEST(SubmissionCodecTest, DepthEightIsAcceptedAndNineRejected) {
  const auto eight = DecodeSubmission(NestedBody(kMaxJsonDepth - 2));
  ASSERT_TRUE(eight.ok()) << eight.status().ToString();
  EXPECT_EQ(std::get<OtherType>(eight->answers.at("a")).type_name, "array of non-strings");
  const auto nine = DecodeSubmission(NestedBody(kMaxJsonDepth - 1));
  EXPECT_EQ(nine.status(), Status::InvalidArgument("JSON nesting is too deep"));
}

TEST(SubmissionCodecTest, DeepNestingIsRejectedBeforeParsing) {
  const std::string hostile(1'000'000, '[');
  EXPECT_EQ(DecodeSubmission(hostile).status(), Status::InvalidArgument("JSON nesting is too deep"));
}

TEST(SubmissionCodecTest, BracketsInsideStringsDoNotCount) {
  const std::string brackets(20, '[');
  const auto submission = DecodeSubmission(R"({"kind":"k","answers":{"a":")" + brackets + R"(\"{{{{{{{{{{ \\"}})");
  ASSERT_TRUE(submission.ok()) << submission.status().ToString();
  EXPECT_EQ(std::get<std::string>(submission->answers.at("a")), brackets + "\"{{{{{{{{{{ \\");
}

TEST(SubmissionCodecTest, InvalidJsonIsRejected) {
  for (const char* body : {"", "{", "not json", R"({"kind":"k","answers":{}} trailing)", R"({"kind":'k'})"}) {
    EXPECT_EQ(DecodeSubmission(body).status(), Status::InvalidArgument("body is not valid JSON")) << body;
  }
}

TEST(SubmissionCodecTest, InvalidUtf8IsRejected) {
  for (const char* bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\xFF"}) {
    const std::string body = std::string(R"({"kind":"k","answers":{"summary":"a)") + bad + "\"}}";
    EXPECT_EQ(DecodeSubmission(body).status(), Status::InvalidArgument("body is not valid JSON"));
  }
}

TEST(SubmissionCodecTest, ExtraTopLevelKeyIsNamed) {
  const auto result = DecodeSubmission(R"({"kind":"k","answers":{},"email":"me@example.org"})");
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(result.status().field(), "email");
  EXPECT_EQ(result.status().message().find("example"), std::string::npos);
}

TEST(SubmissionCodecTest, OddTopLevelKeyIsNotEchoed) {
  const auto result = DecodeSubmission(R"({"kind":"k","answers":{},"My Name Is Ada":1})");
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(result.status().field(), "");
  EXPECT_EQ(result.status().ToString().find("Ada"), std::string::npos);
}

TEST(SubmissionCodecTest, ShapeErrorsNameTheKey) {
  EXPECT_EQ(DecodeSubmission("[]").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(DecodeSubmission(R"({"answers":{}})").status().field(), "kind");
  EXPECT_EQ(DecodeSubmission(R"({"kind":3,"answers":{}})").status().field(), "kind");
  EXPECT_EQ(DecodeSubmission(R"({"kind":"k"})").status().field(), "answers");
  EXPECT_EQ(DecodeSubmission(R"({"kind":"k","answers":[]})").status().field(), "answers");
}

}  // namespace
}  // namespace pillarbox::http
