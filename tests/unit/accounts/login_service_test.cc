#include "accounts/login_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "accounts/new_account.h"
#include "common/embedded_file.h"
#include "privacy/envelope.h"
#include "privacy/totp.h"
#include "store/desk_repository.h"
#include "store/migrations.h"
#include "store/user_repository.h"
#include "support/manual_clock.h"
#include "support/temp_dir.h"

namespace pillarbox::accounts {
namespace {

using pillarbox::testing::ManualClock;

class LoginServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    clock_.Set(1'800'000'000);
    const std::string path = dir_.File("test.db");
    auto db = store::Database::Open(path, store::OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(store::ApplyMigrations(**db, EmbeddedMigrations()).ok());
    CreateAccount(**db);
    writer_ = std::make_unique<store::GroupCommitWriter>(std::move(*db), store::GroupCommitWriter::Options{});
    auto reader = store::Database::Open(path, store::OpenMode::kReadWrite);
    ASSERT_TRUE(reader.ok());
    service_ = std::make_unique<LoginService>(
        std::move(*reader), *writer_, sessions_, backoff_, clock_,
        LoginService::Options{.max_parallel_kdf = 2, .max_waiting_logins = 64,
                              .dummy_kdf = privacy::MinimalKdfParams()});
  }

  void CreateAccount(store::Database& db) {
    auto account = CreateNewAccount({"alice", "reviewer", "2027-01-15", privacy::MinimalKdfParams()});
    ASSERT_TRUE(account.ok());
    credentials_ = account->credentials;
    ASSERT_TRUE(store::InsertUser(db, account->record).ok());
    store::DeskRecord desk{"voice_cloning", "Voice", 1, desk_keys_.public_key, {"voice_cloning"}};
    ASSERT_TRUE(store::InsertDesk(db, desk).ok());
    ASSERT_TRUE(store::InsertDeskMember(db, {"voice_cloning", account->record.id, 1,
                                             privacy::SealKeyTo(account->public_key, desk_keys_.secret_key)})
                    .ok());
    user_id_ = account->record.id;
  }

  std::string CodeNow() { return *privacy::TotpCode(credentials_.totp_secret, clock_.NowUnixSeconds()); }
  LoginRequest Good() { return {"alice", credentials_.password, CodeNow()}; }

  ManualClock clock_;
  pillarbox::testing::TempDir dir_;
  privacy::BoxKeyPair desk_keys_ = privacy::BoxKeyPair::Generate();
  AccountCredentials credentials_;
  std::string user_id_;
  SessionStore sessions_{clock_, {}};
  LoginBackoff backoff_{clock_, {.free_failures = 5, .max_delay_seconds = 60}};
  std::unique_ptr<store::GroupCommitWriter> writer_;
  std::unique_ptr<LoginService> service_;
};

TEST_F(LoginServiceTest, GoodCredentialsGiveASessionHoldingTheDeskKey) {
  auto result = service_->Login(Good());
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->role, "reviewer");
  EXPECT_EQ(result->expires_at, clock_.NowUnixSeconds() + 8 * 3600);
  auto session = sessions_.Authenticate(result->token);
  ASSERT_TRUE(session.ok());
  const privacy::BoxKeyPair* desk = (*session)->DeskKey("voice_cloning", 1);
  ASSERT_NE(desk, nullptr);
  EXPECT_EQ(desk->public_key, desk_keys_.public_key);
  EXPECT_EQ((*session)->identity.user_id, user_id_);
}

TEST_F(LoginServiceTest, EveryWrongCredentialGivesTheSameAnswer) {
  const Status expected = Status::Unauthenticated("invalid username, password or code");
  EXPECT_EQ(service_->Login({"bob", credentials_.password, CodeNow()}).status(), expected);
  EXPECT_EQ(service_->Login({"alice", "not the password at all", CodeNow()}).status(), expected);
  const std::string code = CodeNow();
  const std::string wrong_code = std::string(1, code[0] == '0' ? '1' : '0') + code.substr(1);
  EXPECT_EQ(service_->Login({"alice", credentials_.password, wrong_code}).status(), expected);
  EXPECT_EQ(service_->Login({"alice", credentials_.password, "12345"}).status(), expected);
  EXPECT_EQ(sessions_.size(), 0u);
}

TEST_F(LoginServiceTest, ACodeWorksOnlyOnceAndTheNextStepsCodeWorks) {
  const LoginRequest request = Good();
  ASSERT_TRUE(service_->Login(request).ok());
  EXPECT_EQ(service_->Login(request).status().code(), StatusCode::kUnauthenticated);
  clock_.Advance(30);
  EXPECT_TRUE(service_->Login(Good()).ok());
}

TEST_F(LoginServiceTest, TwoLoginsRacingWithOneCodeYieldOneSession) {
  const LoginRequest request = Good();
  std::atomic<int> successes{0};
  std::vector<std::thread> racers;
  for (int i = 0; i < 4; ++i) {
    racers.emplace_back([&] {
      if (service_->Login(request).ok()) ++successes;
    });
  }
  for (auto& racer : racers) racer.join();
  EXPECT_EQ(successes.load(), 1);
}

TEST_F(LoginServiceTest, BackoffSlowsGuessingButNotForLong) {
  for (int i = 0; i < 6; ++i) EXPECT_FALSE(service_->Login({"alice", "wrong password!!", CodeNow()}).ok());
  EXPECT_FALSE(service_->Login(Good()).ok()) << "inside the waiting time even the right password fails";
  clock_.Advance(61);
  EXPECT_TRUE(service_->Login(Good()).ok()) << "the wait is capped at 60 s";
}

TEST_F(LoginServiceTest, ADisabledAccountCannotLogInWithGoodCredentials) {
  std::promise<Status> disabled;
  ASSERT_TRUE(writer_
                  ->Submit([this](store::Database& db) { return store::DisableUser(db, user_id_); },
                           [&disabled](Status status) { disabled.set_value(status); })
                  .ok());
  ASSERT_TRUE(disabled.get_future().get().ok());
  EXPECT_EQ(service_->Login(Good()).status(), Status::Unauthenticated("invalid username, password or code"));
  EXPECT_EQ(sessions_.size(), 0u);
}

// The account's key pair as unwrapped from its stored record with `password`
// (purpose "password") or the recovery code (purpose "recovery").
privacy::BoxPublicKey UnwrappedPublicKey(const std::string& db_path, const std::string& secret,
                                         const std::string& which) {
  auto db = store::Database::Open(db_path, store::OpenMode::kReadOnly);
  auto user = store::FindUserByName(**db, "alice");
  const store::UserRecord& record = **user;
  const bool recovery = which == "recovery";
  auto keys = privacy::DerivePasswordKeys(secret, recovery ? record.recovery_salt : record.password_salt,
                                          privacy::MinimalKdfParams());
  auto unwrapped = privacy::UnwrapKey(keys->key_encryption_key,
                                      (recovery ? "users.recovery_wrapped_key|" : "users.password_wrapped_key|") +
                                          record.id,
                                      recovery ? record.recovery_wrapped_key : record.password_wrapped_key);
  EXPECT_TRUE(unwrapped.ok()) << which;
  return unwrapped.ok() ? privacy::BoxKeyPair::FromSecretKey(std::move(*unwrapped)).public_key
                        : privacy::BoxPublicKey{};
}

TEST_F(LoginServiceTest, PasswordChangeRewrapsTheSameKeysAndEndsEverySession) {
  auto login = service_->Login(Good());
  ASSERT_TRUE(login.ok());
  auto session = sessions_.Authenticate(login->token);
  ASSERT_TRUE(session.ok());
  const privacy::BoxPublicKey before = UnwrappedPublicKey(dir_.File("test.db"), credentials_.password, "password");
  const std::string new_password = "seven orange kites over the harbour";
  const Status changed = service_->ChangePassword(**session, credentials_.password, new_password);
  ASSERT_TRUE(changed.ok()) << changed.ToString();
  EXPECT_FALSE(sessions_.Authenticate(login->token).ok()) << "sessions end with the old password";

  EXPECT_EQ(UnwrappedPublicKey(dir_.File("test.db"), new_password, "password"), before);
  EXPECT_EQ(UnwrappedPublicKey(dir_.File("test.db"), credentials_.recovery_code, "recovery"), before)
      << "the recovery code still opens the same key";
  clock_.Advance(30);
  EXPECT_FALSE(service_->Login({"alice", credentials_.password, CodeNow()}).ok());
  clock_.Advance(30);
  auto again = service_->Login({"alice", new_password, CodeNow()});
  ASSERT_TRUE(again.ok()) << again.status().ToString() << " (the TOTP secret was re-sealed too)";
  auto new_session = sessions_.Authenticate(again->token);
  ASSERT_TRUE(new_session.ok());
  ASSERT_NE((*new_session)->DeskKey("voice_cloning", 1), nullptr);
  EXPECT_EQ((*new_session)->DeskKey("voice_cloning", 1)->public_key, desk_keys_.public_key);
}

TEST_F(LoginServiceTest, PasswordChangeRefusesAWrongCurrentPasswordOrAWeakNewOneAndChangesNothing) {
  auto login = service_->Login(Good());
  ASSERT_TRUE(login.ok());
  auto session = sessions_.Authenticate(login->token);
  ASSERT_TRUE(session.ok());
  EXPECT_EQ(service_->ChangePassword(**session, "not the current one!", "a brand new passphrase").code(),
            StatusCode::kUnauthenticated);
  const Status weak = service_->ChangePassword(**session, credentials_.password, "short");
  EXPECT_EQ(weak.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(weak.field(), "new_password");
  EXPECT_TRUE(sessions_.Authenticate(login->token).ok());
  clock_.Advance(30);
  EXPECT_TRUE(service_->Login(Good()).ok()) << "the old password still works";
}

TEST_F(LoginServiceTest, ArgonRunsAreBoundedUnderAFloodOfLogins) {
  std::vector<std::thread> flood;
  std::atomic<int> unauthenticated{0};
  for (int i = 0; i < 24; ++i) {
    flood.emplace_back([&, i] {
      auto result = service_->Login({"user" + std::to_string(i), "some password here", "000000"});
      if (result.status().code() == StatusCode::kUnauthenticated) ++unauthenticated;
    });
  }
  for (auto& thread : flood) thread.join();
  EXPECT_EQ(unauthenticated.load(), 24);
  EXPECT_LE(service_->peak_parallel_kdf(), 2u);
  EXPECT_GE(service_->peak_parallel_kdf(), 1u);
}

}  // namespace
}  // namespace pillarbox::accounts
