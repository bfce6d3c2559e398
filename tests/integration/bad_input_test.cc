// Every class of bad input gets the right status and names the field, and
// nothing of it is stored (row counts unchanged).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "instance_inspector.h"
#include "report_payloads.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

struct BadInput {
  std::string name;
  std::string body;
  int status;
  std::string field;  // expected error.field ("" when none; "pistache" when Pistache answers itself)
  std::string content_type = "application/json";
};

class BadInputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    service_ = new ServiceProcess();
    ASSERT_TRUE(service_->Start()) << service_->ServerLog();
    HttpClient client(service_->port());
    valid_ = new nlohmann::json(
        BuildReport(nlohmann::json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body), "valid"));
  }
  static void TearDownTestSuite() {
    delete service_;
    delete valid_;
  }

  // The valid body with answers[field] replaced by `value`.
  static std::string With(const std::string& field, const nlohmann::json& value) {
    nlohmann::json body = *valid_;
    body["answers"][field] = value;
    return body.dump();
  }
  static std::string Without(const std::string& field) {
    nlohmann::json body = *valid_;
    body["answers"].erase(field);
    return body.dump();
  }

  static ServiceProcess* service_;
  static nlohmann::json* valid_;
};
ServiceProcess* BadInputTest::service_ = nullptr;
nlohmann::json* BadInputTest::valid_ = nullptr;

std::string Nested(int depth) {
  std::string inner = "\"x\"";
  for (int i = 0; i < depth; ++i) inner = "[" + inner + "]";
  return R"({"kind":"voice_cloning","answers":{"summary":)" + inner + "}}";
}

TEST_F(BadInputTest, EachClassIsRefusedWithItsStatusAndFieldAndNothingIsStored) {
  const std::vector<BadInput> cases = {
      {"not json", "{\"kind\": ", 400, ""},
      {"unknown kind", R"({"kind":"weather","answers":{}})", 400, "kind"},
      {"extra top-level key", R"({"kind":"voice_cloning","answers":{},"ip":"1.2.3.4"})", 400, "ip"},
      {"unknown field", With("favourite_colour", "blue"), 400, "answers.favourite_colour"},
      {"missing required", Without("narrative"), 400, "answers.narrative"},
      {"wrong type number", With("summary", 42), 400, "answers.summary"},
      {"wrong type object", With("narrative", nlohmann::json::object({{"a", "b"}})), 400, "answers.narrative"},
      {"value not in enum", With("region", "atlantis"), 400, "answers.region"},
      {"multi enum not in options", With("likeness_type", {"voice", "smell"}), 400, "answers.likeness_type"},
      {"text over limit", With("summary", std::string(201, 'a')), 400, "answers.summary"},
      {"control character", With("summary", std::string("a\x01z")), 400, "answers.summary"},
      {"bad year-month", With("occurred", "2025-13"), 400, "answers.occurred"},
      {"invalid utf-8", R"({"kind":"voice_cloning","answers":{"summary":")" + std::string("\xC3\x28") + "\"}}",
       400, ""},
      {"nesting too deep", Nested(40), 400, ""},
      {"wrong content type", With("summary", "fine"), 415, "", "text/plain"},
      {"missing content type", With("summary", "fine"), 415, "", ""},
      {"body over the report limit", With("narrative", std::string(200 * 1024, 'a')), 413, ""},
      {"request over Pistache's limit", With("narrative", std::string(1200 * 1024, 'a')), 413, "pistache"},
  };
  HttpClient client(service_->port());
  const int64_t before = CountRows(service_->database_path(), "reports");
  const int64_t fields_before = CountRows(service_->database_path(), "report_fields");
  for (const BadInput& bad : cases) {
    SCOPED_TRACE(bad.name);
    HttpClient fresh(service_->port());
    const HttpResponse response = fresh.Request("POST", "/api/v1/reports", bad.body, bad.content_type);
    EXPECT_EQ(response.status, bad.status) << response.body;
    if (bad.field == "pistache") continue;  // Pistache's own 413 has no JSON body.
    const auto error = nlohmann::json::parse(response.body, nullptr, false);
    ASSERT_TRUE(error.contains("error")) << response.body;
    EXPECT_EQ(error["error"].value("field", ""), bad.field);
    EXPECT_FALSE(error["error"]["message"].get<std::string>().empty());
  }
  EXPECT_EQ(CountRows(service_->database_path(), "reports"), before);
  EXPECT_EQ(CountRows(service_->database_path(), "report_fields"), fields_before);
  // The service is still healthy and accepts the valid report afterwards.
  EXPECT_EQ(client.PostJson("/api/v1/reports", valid_->dump()).status, 201);
  EXPECT_EQ(CountRows(service_->database_path(), "reports"), before + 1);
}

TEST_F(BadInputTest, ErrorsNeverEchoTheSubmittedValue) {
  HttpClient client(service_->port());
  const HttpResponse response = client.PostJson("/api/v1/reports", With("region", "SECRET-VALUE-XYZ"));
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.body.find("SECRET-VALUE-XYZ"), std::string::npos) << response.body;
  EXPECT_EQ(service_->ServerLog().find("SECRET-VALUE-XYZ"), std::string::npos);
}

}  // namespace
}  // namespace pillarbox::testing
