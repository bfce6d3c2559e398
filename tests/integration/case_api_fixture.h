// A running instance for the case API tests: accounts for every role signed
// in (reviewers of the voice_cloning and workplace_ai_harm desks, a second
// voice reviewer, partner, researcher and the admin, who is on every desk),
// helpers to call the API as a role, submit reports and add tags (tag
// management is another part's; tests insert rows with SQL).
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {

class CaseApiTest : public ::testing::Test {
 protected:
  void SetUp() override;

  // Signs in with `credentials` (username, password, totp_secret); the token.
  std::string Login(const nlohmann::json& credentials);
  // Creates an account as the admin; its credentials.
  nlohmann::json CreateUser(const std::string& name, const std::string& role, const std::vector<std::string>& desks);
  // A request as `role` ("anonymous" sends no token).
  HttpResponse Call(const std::string& method, const std::string& path, const std::string& role,
                    const std::optional<std::string>& body = std::nullopt,
                    const std::string& content_type = "application/json");
  // The parsed body of a call that must answer `status`.
  nlohmann::json Expect(int status, const std::string& method, const std::string& path, const std::string& role,
                        const std::optional<nlohmann::json>& body = std::nullopt);
  // Submits a report of `kind` whose text answers start with `canary`; its id.
  std::string SubmitReport(const std::string& kind, const std::string& canary);
  // Inserts a tag named `name` straight into the database; its id.
  std::string InsertTag(const std::string& name);
  // Creates a case on `desk` as `role`; its id.
  std::string CreateCase(const std::string& role, const std::string& desk, const std::string& title,
                         const std::string& summary = "");
  // Rows of `table` in the database.
  int64_t Rows(const std::string& table);

  ServiceProcess service_;
  // Extra `pillarbox serve` arguments; a derived fixture sets them in its
  // constructor (SetUp starts the service with them).
  std::vector<std::string> serve_arguments_;
  std::map<std::string, std::string> tokens_;
};

}  // namespace pillarbox::testing
