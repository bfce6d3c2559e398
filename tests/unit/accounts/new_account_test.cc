#include "accounts/new_account.h"

#include <gtest/gtest.h>

#include <string>

#include "privacy/envelope.h"

namespace pillarbox::accounts {
namespace {

NewAccountRequest Request(std::string username = "alice", std::string role = "reviewer") {
  return {std::move(username), std::move(role), "2025-03-01", privacy::MinimalKdfParams()};
}

privacy::SecretKey Kek(const std::string& secret, const std::vector<uint8_t>& salt) {
  Result<privacy::PasswordKeys> keys = privacy::DerivePasswordKeys(secret, salt, privacy::MinimalKdfParams());
  EXPECT_TRUE(keys.ok()) << keys.status().ToString();
  return std::move(keys->key_encryption_key);
}

class NewAccountTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<NewAccount> created = CreateNewAccount(Request());
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    account_ = std::move(created).value();
  }
  std::string PasswordPurpose() const { return "users.password_wrapped_key|" + account_.record.id; }
  std::string RecoveryPurpose() const { return "users.recovery_wrapped_key|" + account_.record.id; }

  NewAccount account_;
};

TEST_F(NewAccountTest, RecordDescribesTheRequest) {
  const store::UserRecord& record = account_.record;
  EXPECT_EQ(record.id.size(), 32u);
  EXPECT_EQ(record.username, "alice");
  EXPECT_EQ(record.role, "reviewer");
  EXPECT_EQ(record.created_day, "2025-03-01");
  EXPECT_EQ(record.kdf_operations, static_cast<int64_t>(privacy::MinimalKdfParams().operations));
  EXPECT_EQ(record.kdf_memory_bytes, static_cast<int64_t>(privacy::MinimalKdfParams().memory_bytes));
  EXPECT_EQ(record.public_key, std::vector<uint8_t>(account_.public_key.bytes.begin(), account_.public_key.bytes.end()));
  EXPECT_NE(record.password_salt, record.recovery_salt);
  EXPECT_FALSE(record.disabled);
}

TEST_F(NewAccountTest, PasswordKekUnwrapsThePrivateKey) {
  privacy::SecretKey kek = Kek(account_.credentials.password, account_.record.password_salt);
  Result<privacy::SecretKey> secret = privacy::UnwrapKey(kek, PasswordPurpose(), account_.record.password_wrapped_key);
  ASSERT_TRUE(secret.ok()) << secret.status().ToString();
  EXPECT_EQ(privacy::BoxKeyPair::FromSecretKey(std::move(secret).value()).public_key, account_.public_key);
}

TEST_F(NewAccountTest, RecoveryCodeKekUnwrapsTheSamePrivateKey) {
  privacy::SecretKey kek = Kek(account_.credentials.recovery_code, account_.record.recovery_salt);
  Result<privacy::SecretKey> secret = privacy::UnwrapKey(kek, RecoveryPurpose(), account_.record.recovery_wrapped_key);
  ASSERT_TRUE(secret.ok()) << secret.status().ToString();
  EXPECT_EQ(privacy::BoxKeyPair::FromSecretKey(std::move(secret).value()).public_key, account_.public_key);
}

TEST_F(NewAccountTest, VerifierMatchesThePassword) {
  Result<privacy::PasswordKeys> keys = privacy::DerivePasswordKeys(
      account_.credentials.password, account_.record.password_salt, privacy::MinimalKdfParams());
  ASSERT_TRUE(keys.ok());
  EXPECT_TRUE(privacy::ConstantTimeEquals(keys->verifier, account_.record.password_verifier));
}

TEST_F(NewAccountTest, TotpSecretOpensWithThePasswordKek) {
  privacy::SecretKey kek = Kek(account_.credentials.password, account_.record.password_salt);
  Result<std::string> secret =
      privacy::OpenField(kek, {"users", account_.record.id, "totp_secret", 1}, account_.record.sealed_totp_secret);
  ASSERT_TRUE(secret.ok()) << secret.status().ToString();
  EXPECT_EQ(*secret, account_.credentials.totp_secret);
  EXPECT_EQ(secret->size(), 32u);
}

TEST_F(NewAccountTest, WrongPasswordKekFailsWithDataLoss) {
  privacy::SecretKey kek = Kek("not the password at all", account_.record.password_salt);
  Result<privacy::SecretKey> secret = privacy::UnwrapKey(kek, PasswordPurpose(), account_.record.password_wrapped_key);
  ASSERT_FALSE(secret.ok());
  EXPECT_EQ(secret.status().code(), StatusCode::kDataLoss);
  Result<std::string> totp =
      privacy::OpenField(kek, {"users", account_.record.id, "totp_secret", 1}, account_.record.sealed_totp_secret);
  ASSERT_FALSE(totp.ok());
  EXPECT_EQ(totp.status().code(), StatusCode::kDataLoss);
}

TEST_F(NewAccountTest, TotpUriCarriesTheSecretAndIssuer) {
  const std::string& uri = account_.credentials.totp_uri;
  EXPECT_EQ(uri.rfind("otpauth://totp/Pillarbox:alice?", 0), 0u) << uri;
  EXPECT_NE(uri.find("secret=" + account_.credentials.totp_secret), std::string::npos);
  EXPECT_NE(uri.find("issuer=Pillarbox"), std::string::npos);
  EXPECT_NE(uri.find("digits=6"), std::string::npos);
  EXPECT_NE(uri.find("period=30"), std::string::npos);
}

TEST_F(NewAccountTest, EachAccountGetsFreshSecrets) {
  Result<NewAccount> other = CreateNewAccount(Request("bob"));
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->record.id, account_.record.id);
  EXPECT_NE(other->credentials.password, account_.credentials.password);
  EXPECT_NE(other->credentials.recovery_code, account_.credentials.recovery_code);
  EXPECT_NE(other->credentials.totp_secret, account_.credentials.totp_secret);
  EXPECT_NE(other->public_key, account_.public_key);
}

TEST(NewAccountValidationTest, RefusesBadUsernames) {
  for (const std::string& name : {std::string("al"), std::string(65, 'a'), std::string("Alice"),
                                  std::string(".alice"), std::string("alice smith"), std::string("alice@x")}) {
    Result<NewAccount> account = CreateNewAccount(Request(name));
    ASSERT_FALSE(account.ok()) << name;
    EXPECT_EQ(account.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(account.status().field(), "username");
  }
}

TEST(NewAccountValidationTest, AcceptsEveryRoleAndRefusesOthers) {
  for (const char* role : {"admin", "reviewer", "partner", "researcher"}) {
    EXPECT_TRUE(CreateNewAccount(Request("carol", role)).ok()) << role;
  }
  for (const char* role : {"", "Admin", "root", "reviewer "}) {
    Result<NewAccount> account = CreateNewAccount(Request("carol", role));
    ASSERT_FALSE(account.ok()) << role;
    EXPECT_EQ(account.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(account.status().field(), "role");
  }
}

}  // namespace
}  // namespace pillarbox::accounts
