// Key material at rest: using the admin's password (which only the test
// knows), recover the account's X25519 secret key, every desk secret key and
// the TOTP secret, then prove none of them is in the database, WAL or shm in
// clear, while the server runs and after a login. Without the password the
// wrapped forms are all a thief holds.
#include <gtest/gtest.h>

#include <ctime>

#include <nlohmann/json.hpp>

#include "instance_inspector.h"
#include "privacy/envelope.h"
#include "privacy/init.h"
#include "privacy/password_kdf.h"
#include "privacy/totp.h"
#include "store/database.h"
#include "store/user_repository.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

std::string AsText(privacy::ByteView bytes) { return std::string(bytes.begin(), bytes.end()); }

TEST(KeyMaterialTest, NoSecretKeyOrTotpSecretIsStoredInClear) {
  ASSERT_TRUE(privacy::InitializeAndSelfTest().ok());
  ServiceProcess service;
  ASSERT_TRUE(service.Start()) << service.ServerLog();
  const auto admin = nlohmann::json::parse(service.init_output())["admin"];

  // Sign in once so the running server has unlocked everything.
  HttpClient client(service.port());
  const std::string code = *privacy::TotpCode(admin["totp_secret"].get<std::string>(), std::time(nullptr));
  ASSERT_EQ(client.PostJson("/api/v1/auth/login", nlohmann::json{{"username", admin["username"]},
                                                                  {"password", admin["password"]},
                                                                  {"totp", code}}.dump())
                .status,
            200);

  auto db = store::Database::Open(service.database_path(), store::OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok());
  auto user = store::FindUserByName(**db, admin["username"].get<std::string>());
  ASSERT_TRUE(user.ok() && user->has_value());
  const store::UserRecord& record = **user;
  auto keys = privacy::DerivePasswordKeys(admin["password"].get<std::string>(), record.password_salt,
                                          {static_cast<uint64_t>(record.kdf_operations),
                                           static_cast<size_t>(record.kdf_memory_bytes)});
  ASSERT_TRUE(keys.ok());
  auto secret = privacy::UnwrapKey(keys->key_encryption_key, "users.password_wrapped_key|" + record.id,
                                   record.password_wrapped_key);
  ASSERT_TRUE(secret.ok());
  const privacy::BoxKeyPair account = privacy::BoxKeyPair::FromSecretKey(std::move(*secret));

  std::vector<std::string> secrets = {AsText(account.secret_key.bytes()), admin["totp_secret"].get<std::string>(),
                                      admin["password"].get<std::string>(),
                                      admin["recovery_code"].get<std::string>(),
                                      AsText(keys->key_encryption_key.bytes())};
  auto memberships = store::ListMembershipsOfUser(**db, record.id);
  ASSERT_TRUE(memberships.ok());
  ASSERT_EQ(memberships->size(), 3u);
  for (const auto& membership : *memberships) {
    auto desk_secret = privacy::OpenSealedKey(account, membership.sealed_desk_key);
    ASSERT_TRUE(desk_secret.ok());
    secrets.push_back(AsText(desk_secret->bytes()));
  }

  const std::string stored = ReadDatabaseFiles(service.database_path());
  ASSERT_GT(stored.size(), 4096u);
  for (size_t i = 0; i < secrets.size(); ++i) {
    EXPECT_EQ(stored.find(secrets[i]), std::string::npos) << "secret #" << i << " is stored in clear";
    EXPECT_EQ(stored.find(privacy::ToHex(privacy::AsBytes(secrets[i]))), std::string::npos) << "secret #" << i;
  }
}

}  // namespace
}  // namespace pillarbox::testing
