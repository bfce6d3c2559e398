#include "privacy/instance_secret.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <string>

#include "support/temp_dir.h"

namespace pillarbox::privacy {
namespace {

using pillarbox::testing::ReadFileBytes;
using pillarbox::testing::TempDir;

Bytes Copy(const SecretKey& key) { return Bytes(key.bytes().begin(), key.bytes().end()); }

void WriteFile(const std::string& path, const std::string& content, mode_t mode) {
  std::ofstream(path, std::ios::binary) << content;
  ASSERT_EQ(chmod(path.c_str(), mode), 0);
}

TEST(InstanceSecretTest, CreatedFileHasMode0600AndHexContent) {
  TempDir dir;
  const std::string path = dir.File("instance.key");
  ASSERT_TRUE(InstanceKeys::CreateFile(path).ok());
  struct stat info {};
  ASSERT_EQ(stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0600u);
  std::string content = ReadFileBytes(path);
  ASSERT_EQ(content.size(), 65u);
  EXPECT_EQ(content.back(), '\n');
  EXPECT_EQ(content.find_first_not_of("0123456789abcdef"), 64u);
}

TEST(InstanceSecretTest, CreateRefusesToOverwrite) {
  TempDir dir;
  const std::string path = dir.File("instance.key");
  ASSERT_TRUE(InstanceKeys::CreateFile(path).ok());
  const std::string before = ReadFileBytes(path);
  Status again = InstanceKeys::CreateFile(path);
  EXPECT_EQ(again.code(), StatusCode::kConflict);
  EXPECT_EQ(ReadFileBytes(path), before);
}

TEST(InstanceSecretTest, CreateInMissingDirectoryFails) {
  TempDir dir;
  EXPECT_FALSE(InstanceKeys::CreateFile(dir.File("missing/instance.key")).ok());
}

TEST(InstanceSecretTest, DerivedKeysAreStableAcrossLoadsAndDistinct) {
  TempDir dir;
  const std::string path = dir.File("instance.key");
  ASSERT_TRUE(InstanceKeys::CreateFile(path).ok());
  Result<InstanceKeys> first = InstanceKeys::LoadFile(path);
  Result<InstanceKeys> second = InstanceKeys::LoadFile(path);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(Copy(first->blind_index_key()), Copy(second->blind_index_key()));
  EXPECT_EQ(Copy(first->receipt_pepper()), Copy(second->receipt_pepper()));
  EXPECT_EQ(Copy(first->signing_seed()), Copy(second->signing_seed()));
  EXPECT_NE(Copy(first->blind_index_key()), Copy(first->receipt_pepper()));
  EXPECT_NE(Copy(first->receipt_pepper()), Copy(first->signing_seed()));
  EXPECT_NE(Copy(first->blind_index_key()), Copy(first->signing_seed()));
}

TEST(InstanceSecretTest, AuditKeyIsStableAndDistinctFromTheOtherKeys) {
  TempDir dir;
  const std::string path = dir.File("instance.key");
  ASSERT_TRUE(InstanceKeys::CreateFile(path).ok());
  Result<InstanceKeys> first = InstanceKeys::LoadFile(path);
  Result<InstanceKeys> second = InstanceKeys::LoadFile(path);
  ASSERT_TRUE(first.ok() && second.ok());
  const Bytes audit = Copy(first->audit_key());
  EXPECT_EQ(audit.size(), kKeyBytes);
  EXPECT_EQ(audit, Copy(second->audit_key()));
  EXPECT_NE(audit, Copy(first->blind_index_key()));
  EXPECT_NE(audit, Copy(first->receipt_pepper()));
  EXPECT_NE(audit, Copy(first->signing_seed()));
}

TEST(InstanceSecretTest, BackupKeyIsStableAndDistinctFromTheOtherKeys) {
  const SecretKey master = SecretKey::Random();
  const InstanceKeys first = InstanceKeys::Derive(master);
  const InstanceKeys second = InstanceKeys::Derive(master);
  const Bytes backup = Copy(first.backup_key());
  EXPECT_EQ(backup.size(), kKeyBytes);
  EXPECT_EQ(backup, Copy(second.backup_key()));
  for (const SecretKey* other : {&first.blind_index_key(), &first.receipt_pepper(), &first.signing_seed(),
                                 &first.audit_key()}) {
    EXPECT_NE(backup, Copy(*other));
  }
  EXPECT_NE(backup, Copy(InstanceKeys::Derive(SecretKey::Random()).backup_key()));
}

TEST(InstanceSecretTest, DifferentFilesGiveDifferentKeys) {
  TempDir dir;
  ASSERT_TRUE(InstanceKeys::CreateFile(dir.File("a.key")).ok());
  ASSERT_TRUE(InstanceKeys::CreateFile(dir.File("b.key")).ok());
  Result<InstanceKeys> a = InstanceKeys::LoadFile(dir.File("a.key"));
  Result<InstanceKeys> b = InstanceKeys::LoadFile(dir.File("b.key"));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(Copy(a->blind_index_key()), Copy(b->blind_index_key()));
  EXPECT_NE(Copy(a->receipt_pepper()), Copy(b->receipt_pepper()));
  EXPECT_NE(Copy(a->signing_seed()), Copy(b->signing_seed()));
  EXPECT_NE(Copy(a->audit_key()), Copy(b->audit_key()));
}

TEST(InstanceSecretTest, DerivationIsFixedForAKnownMasterKey) {
  const std::string hex(64, 'a');
  TempDir dir;
  WriteFile(dir.File("known.key"), hex + "\n", 0600);
  Result<InstanceKeys> loaded = InstanceKeys::LoadFile(dir.File("known.key"));
  ASSERT_TRUE(loaded.ok());
  Result<Bytes> master = FromHex(hex);
  ASSERT_TRUE(master.ok());
  Result<SecretKey> master_key = SecretKey::FromBytes(*master);
  ASSERT_TRUE(master_key.ok());
  InstanceKeys derived = InstanceKeys::Derive(*master_key);
  EXPECT_EQ(Copy(loaded->blind_index_key()), Copy(derived.blind_index_key()));
  EXPECT_EQ(Copy(loaded->signing_seed()), Copy(derived.signing_seed()));
  EXPECT_EQ(Copy(loaded->audit_key()), Copy(derived.audit_key()));
  EXPECT_NE(Copy(derived.audit_key()), *master);
  // Subkey 4, context "pbxaudit", computed once: the audit key must never change,
  // or every existing audit log would stop verifying.
  EXPECT_EQ(ToHex(Copy(derived.audit_key())), "eba4c429d661f1f54cf705d325ca25d2ff0a25e54186e9a2f71274db80091fd4");
}

TEST(InstanceSecretTest, LoadRefusesGroupOrOtherAccess) {
  TempDir dir;
  const std::string path = dir.File("instance.key");
  ASSERT_TRUE(InstanceKeys::CreateFile(path).ok());
  const std::string content = ReadFileBytes(path);
  for (mode_t mode : {0644, 0640, 0604, 0660, 0602}) {
    ASSERT_EQ(chmod(path.c_str(), mode), 0);
    Result<InstanceKeys> loaded = InstanceKeys::LoadFile(path);
    ASSERT_FALSE(loaded.ok()) << std::oct << mode;
    EXPECT_EQ(loaded.status().code(), StatusCode::kFailedPrecondition);
    EXPECT_NE(loaded.status().message().find("chmod 600"), std::string::npos);
    EXPECT_EQ(loaded.status().message().find(content.substr(0, 16)), std::string::npos);
  }
  ASSERT_EQ(chmod(path.c_str(), 0644), 0);
  EXPECT_NE(InstanceKeys::LoadFile(path).status().message().find("(has 0644)"), std::string::npos);
  ASSERT_EQ(chmod(path.c_str(), 0400), 0);
  EXPECT_TRUE(InstanceKeys::LoadFile(path).ok());
}

TEST(InstanceSecretTest, LoadRefusesNonRegularFile) {
  TempDir dir;
  ASSERT_EQ(chmod(dir.path().c_str(), 0700), 0);
  EXPECT_EQ(InstanceKeys::LoadFile(dir.path()).status().code(), StatusCode::kFailedPrecondition);
}

TEST(InstanceSecretTest, MissingFileIsNotFound) {
  TempDir dir;
  EXPECT_EQ(InstanceKeys::LoadFile(dir.File("absent.key")).status().code(), StatusCode::kNotFound);
}

TEST(InstanceSecretTest, MalformedContentIsDataLoss) {
  TempDir dir;
  const std::string valid(64, 'b');
  for (const std::string& content : {std::string(), std::string("garbage\n"), valid.substr(1) + "\n",
                                     valid + "0\n", valid + "\n\n", std::string(63, 'b') + "g\n",
                                     std::string(200, 'c')}) {
    const std::string path = dir.File("bad.key");
    WriteFile(path, content, 0600);
    Result<InstanceKeys> loaded = InstanceKeys::LoadFile(path);
    ASSERT_FALSE(loaded.ok()) << content;
    EXPECT_EQ(loaded.status().code(), StatusCode::kDataLoss) << content;
  }
  WriteFile(dir.File("no_newline.key"), valid, 0600);
  EXPECT_TRUE(InstanceKeys::LoadFile(dir.File("no_newline.key")).ok());
}

}  // namespace
}  // namespace pillarbox::privacy
