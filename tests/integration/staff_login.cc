#include "staff_login.h"

#include <gtest/gtest.h>

#include <ctime>

#include "privacy/totp.h"
#include "support/http_client.h"

namespace pillarbox::testing {

std::string SignInStaff(uint16_t port, const nlohmann::json& credentials, int64_t clock_offset_seconds) {
  HttpClient client(port);
  const std::string code = *privacy::TotpCode(credentials["totp_secret"].get<std::string>(), std::time(nullptr) + clock_offset_seconds);
  const auto response = client.PostJson(
      "/api/v1/auth/login",
      nlohmann::json{{"username", credentials["username"]}, {"password", credentials["password"]}, {"totp", code}}
          .dump());
  EXPECT_EQ(response.status, 200) << response.body;
  return nlohmann::json::parse(response.body, nullptr, false).value("token", "");
}

}  // namespace pillarbox::testing
