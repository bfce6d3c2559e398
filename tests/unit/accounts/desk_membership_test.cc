#include "accounts/desk_membership.h"

#include <gtest/gtest.h>

#include <map>

#include "accounts/desk_key_access.h"
#include "accounts/login_backoff.h"
#include "accounts/login_service.h"
#include "accounts/new_account.h"
#include "audit/audit_log.h"
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

// One desk (voice_cloning) whose members are the admin "root" and the
// reviewer "bob"; "carol" (reviewer) and "rita" (researcher) are in no desk;
// a second desk (workplace_ai_harm) has carol only.
class DeskMembershipTest : public ::testing::Test {
 protected:
  void SetUp() override {
    clock_.Set(1'800'000'000);
    const std::string path = dir_.File("test.db");
    auto db = store::Database::Open(path, store::OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(store::ApplyMigrations(**db, EmbeddedMigrations()).ok());
    ASSERT_TRUE(store::InsertDesk(**db, {"voice_cloning", "Voice", 1, voice_key_.public_key, {"voice_cloning"}}).ok());
    ASSERT_TRUE(store::InsertDesk(**db, {"workplace_ai_harm", "Work", 1, work_key_.public_key, {"workplace_ai_harm"}})
                    .ok());
    AddAccount(**db, "root", "admin", {{"voice_cloning", &voice_key_}});
    AddAccount(**db, "bob", "reviewer", {{"voice_cloning", &voice_key_}});
    AddAccount(**db, "carol", "reviewer", {{"workplace_ai_harm", &work_key_}});
    AddAccount(**db, "rita", "researcher", {});
    auto directory = store::SqliteDeskDirectory::Load(**db);
    ASSERT_TRUE(directory.ok());
    directory_ = std::move(*directory);
    writer_ = std::make_unique<store::GroupCommitWriter>(std::move(*db), store::GroupCommitWriter::Options{});
    auto readers = store::ReaderPool::Open(path, 1);
    ASSERT_TRUE(readers.ok());
    readers_ = std::move(*readers);
    auto login_reader = store::Database::Open(path, store::OpenMode::kReadWrite);
    ASSERT_TRUE(login_reader.ok());
    login_ = std::make_unique<LoginService>(std::move(*login_reader), *writer_, sessions_, backoff_, clock_,
                                            LoginService::Options{.max_parallel_kdf = 2, .max_waiting_logins = 8,
                                                                  .dummy_kdf = privacy::MinimalKdfParams()});
    membership_ = std::make_unique<DeskMembership>(*writer_, *readers_, *directory_, sessions_, audit_key_, clock_);
  }

  void AddAccount(store::Database& db, const std::string& name, const std::string& role,
                  const std::vector<std::pair<std::string, const privacy::BoxKeyPair*>>& desks) {
    auto account = CreateNewAccount({name, role, "2027-01-15", privacy::MinimalKdfParams()});
    ASSERT_TRUE(account.ok());
    ASSERT_TRUE(store::InsertUser(db, account->record).ok());
    for (const auto& [desk, key] : desks) {
      ASSERT_TRUE(store::InsertDeskMember(
                      db, {desk, account->record.id, 1, privacy::SealKeyTo(account->public_key, key->secret_key)})
                      .ok());
    }
    credentials_[name] = account->credentials;
  }

  // Signs `name` in (a fresh TOTP step each time) and returns the token.
  std::string SignIn(const std::string& name) {
    clock_.Advance(30);
    const auto& credentials = credentials_[name];
    auto result = login_->Login(
        {name, credentials.password, *privacy::TotpCode(credentials.totp_secret, clock_.NowUnixSeconds())});
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? result->token : "";
  }

  std::shared_ptr<const Session> SessionOf(const std::string& token) {
    auto session = sessions_.Authenticate(token);
    return session.ok() ? *session : nullptr;
  }

  std::string Id(const std::string& name) { return credentials_[name].user_id; }

  // Key versions of `desk` that `name` holds, as stored.
  std::vector<uint32_t> VersionsHeld(const std::string& name, const std::string& desk) {
    auto lease = readers_->Acquire();
    auto memberships = store::ListMembershipsOfUser(lease.db(), Id(name));
    EXPECT_TRUE(memberships.ok());
    std::vector<uint32_t> versions;
    for (const auto& row : *memberships) {
      if (row.desk_id == desk) versions.push_back(row.key_version);
    }
    return versions;
  }

  // How many audit entries have `action`.
  int AuditCount(const std::string& action) {
    auto lease = readers_->Acquire();
    auto entries = audit::ListAuditEntries(lease.db(), 0, 1000);
    EXPECT_TRUE(entries.ok());
    int count = 0;
    for (const auto& entry : *entries) count += entry.action == action ? 1 : 0;
    return count;
  }

  ManualClock clock_;
  pillarbox::testing::TempDir dir_;
  privacy::SecretKey audit_key_ = privacy::SecretKey::Random();
  privacy::BoxKeyPair voice_key_ = privacy::BoxKeyPair::Generate();
  privacy::BoxKeyPair work_key_ = privacy::BoxKeyPair::Generate();
  std::map<std::string, AccountCredentials> credentials_;
  SessionStore sessions_{clock_, {}};
  LoginBackoff backoff_{clock_, {}};
  std::unique_ptr<store::SqliteDeskDirectory> directory_;
  std::unique_ptr<store::GroupCommitWriter> writer_;
  std::unique_ptr<store::ReaderPool> readers_;
  std::unique_ptr<LoginService> login_;
  std::unique_ptr<DeskMembership> membership_;
};

TEST_F(DeskMembershipTest, AddingAMemberSealsTheDeskKeyToThemAndEndsTheirSessions) {
  const std::string carol_token = SignIn("carol");
  const auto root = SessionOf(SignIn("root"));
  ASSERT_TRUE(membership_->Add(*root, "voice_cloning", Id("carol")).ok());
  EXPECT_EQ(SessionOf(carol_token), nullptr) << "the member's old session did not hold the new desk";
  const auto carol = SessionOf(SignIn("carol"));
  ASSERT_NE(carol, nullptr);
  const privacy::BoxKeyPair* key = carol->DeskKey("voice_cloning", 1);
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(key->public_key, voice_key_.public_key);
  EXPECT_EQ(AuditCount("desk.member.added"), 1);
}

TEST_F(DeskMembershipTest, AddRefusesWhatItMustAndStoresNothing) {
  const auto root = SessionOf(SignIn("root"));
  const auto bob = SessionOf(SignIn("bob"));
  EXPECT_EQ(membership_->Add(*bob, "voice_cloning", Id("carol")).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(membership_->Add(*root, "no_such_desk", Id("carol")).code(), StatusCode::kNotFound);
  EXPECT_EQ(membership_->Add(*root, "voice_cloning", "0123456789abcdef0123456789abcdef").code(),
            StatusCode::kNotFound);
  const Status researcher = membership_->Add(*root, "voice_cloning", Id("rita"));
  EXPECT_EQ(researcher.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(researcher.field(), "user_id");
  EXPECT_EQ(membership_->Add(*root, "voice_cloning", Id("bob")).code(), StatusCode::kConflict);
  const Status keyless = membership_->Add(*root, "workplace_ai_harm", Id("bob"));
  EXPECT_EQ(keyless.code(), StatusCode::kInvalidArgument) << "root holds no key of the workplace desk";
  EXPECT_EQ(keyless.field(), "desk");
  EXPECT_TRUE(VersionsHeld("carol", "voice_cloning").empty());
  EXPECT_TRUE(VersionsHeld("rita", "voice_cloning").empty());
  EXPECT_TRUE(VersionsHeld("bob", "workplace_ai_harm").empty());
  EXPECT_EQ(AuditCount("desk.member.added"), 0);
}

TEST_F(DeskMembershipTest, RemovingAMemberRotatesTheKeyForFutureReportsOnly) {
  const auto root = SessionOf(SignIn("root"));  // signed in before the rotation
  const std::string bob_token = SignIn("bob");
  auto version = membership_->Remove(*root, "voice_cloning", Id("bob"));
  ASSERT_TRUE(version.ok()) << version.status().ToString();
  EXPECT_EQ(*version, 2u);

  auto current = directory_->DeskForKind("voice_cloning");
  ASSERT_TRUE(current.ok());
  EXPECT_EQ(current->key_version, 2u);
  EXPECT_NE(current->public_key, voice_key_.public_key) << "future reports are sealed to a new key";
  EXPECT_EQ(SessionOf(bob_token), nullptr);
  EXPECT_TRUE(VersionsHeld("bob", "voice_cloning").empty());
  EXPECT_EQ(VersionsHeld("root", "voice_cloning"), (std::vector<uint32_t>{1, 2}));

  // The remaining member, still in the session opened before the rotation,
  // unlocks the new version on demand and still holds the old one.
  {
    auto lease = readers_->Acquire();
    auto new_key = DeskKeyOf(*root, lease.db(), "voice_cloning", 2);
    ASSERT_TRUE(new_key.ok()) << new_key.status().ToString();
    EXPECT_EQ(new_key->public_key, current->public_key);
    auto old_key = DeskKeyOf(*root, lease.db(), "voice_cloning", 1);
    ASSERT_TRUE(old_key.ok());
    EXPECT_EQ(old_key->public_key, voice_key_.public_key);
  }
  EXPECT_EQ(AuditCount("desk.member.removed"), 1);
  EXPECT_EQ(AuditCount("desk.key.rotated"), 1);
}

TEST_F(DeskMembershipTest, AMemberAddedAfterARotationGetsEveryVersion) {
  const auto root = SessionOf(SignIn("root"));
  ASSERT_TRUE(membership_->Remove(*root, "voice_cloning", Id("bob")).ok());
  ASSERT_TRUE(membership_->Add(*root, "voice_cloning", Id("carol")).ok());
  EXPECT_EQ(VersionsHeld("carol", "voice_cloning"), (std::vector<uint32_t>{1, 2}));
  const auto carol = SessionOf(SignIn("carol"));
  ASSERT_NE(carol, nullptr);
  ASSERT_NE(carol->DeskKey("voice_cloning", 2), nullptr);
  EXPECT_EQ(carol->DeskKey("voice_cloning", 2)->public_key, directory_->DeskForKind("voice_cloning")->public_key);
}

TEST_F(DeskMembershipTest, TheLastEnabledMemberCannotBeRemoved) {
  const auto root = SessionOf(SignIn("root"));
  ASSERT_TRUE(membership_->Remove(*root, "voice_cloning", Id("bob")).ok());
  EXPECT_EQ(membership_->Remove(*root, "voice_cloning", Id("root")).status().code(), StatusCode::kConflict);
  EXPECT_EQ(VersionsHeld("root", "voice_cloning"), (std::vector<uint32_t>{1, 2})) << "nothing changed";
  EXPECT_EQ(directory_->DeskForKind("voice_cloning")->key_version, 2u);
  EXPECT_EQ(membership_->Remove(*root, "voice_cloning", Id("carol")).status().code(), StatusCode::kNotFound);
  const auto carol = SessionOf(SignIn("carol"));
  EXPECT_EQ(membership_->Remove(*carol, "workplace_ai_harm", Id("carol")).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(DeskMembershipTest, ListShowsEachDeskWithItsMembersToAdminsOnly) {
  const auto root = SessionOf(SignIn("root"));
  auto desks = membership_->List(*root);
  ASSERT_TRUE(desks.ok());
  ASSERT_EQ(desks->size(), 2u);
  EXPECT_EQ((*desks)[0].id, "voice_cloning");
  ASSERT_EQ((*desks)[0].members.size(), 2u);
  EXPECT_EQ((*desks)[0].members[0].username, "bob");
  EXPECT_EQ((*desks)[0].members[1].username, "root");
  EXPECT_EQ((*desks)[1].members.size(), 1u);
  const auto carol = SessionOf(SignIn("carol"));
  EXPECT_EQ(membership_->List(*carol).status().code(), StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace pillarbox::accounts
