#include "privacy/organization_key.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "privacy/envelope.h"
#include "support/temp_dir.h"

namespace pillarbox::privacy {
namespace {

using pillarbox::testing::ReadFileBytes;
using pillarbox::testing::TempDir;

TEST(OrganizationKeyTest, CreatesA0600FileThatLoadsToTheSamePair) {
  TempDir dir;
  const std::string path = dir.File("org.key");
  auto public_key = CreateOrganizationKeyFile(path);
  ASSERT_TRUE(public_key.ok()) << public_key.status().ToString();
  struct stat info {};
  ASSERT_EQ(stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0600u);
  const std::string content = ReadFileBytes(path);
  EXPECT_TRUE(content.starts_with(std::string(kOrganizationKeyLabel) + "\n"));
  EXPECT_EQ(content.size(), sizeof kOrganizationKeyLabel + 65);
  auto pair = LoadOrganizationKeyFile(path);
  ASSERT_TRUE(pair.ok()) << pair.status().ToString();
  EXPECT_EQ(pair->public_key, *public_key);
  const SecretKey key = SecretKey::Random();
  auto opened = OpenSealedKey(*pair, SealKeyTo(*public_key, key));
  ASSERT_TRUE(opened.ok());
  EXPECT_TRUE(std::equal(opened->bytes().begin(), opened->bytes().end(), key.bytes().begin()));
}

TEST(OrganizationKeyTest, NeverOverwrites) {
  TempDir dir;
  const std::string path = dir.File("org.key");
  ASSERT_TRUE(CreateOrganizationKeyFile(path).ok());
  const std::string before = ReadFileBytes(path);
  EXPECT_EQ(CreateOrganizationKeyFile(path).status().code(), StatusCode::kConflict);
  EXPECT_EQ(ReadFileBytes(path), before);
}

TEST(OrganizationKeyTest, RefusesLooseMissingOrMalformedFiles) {
  TempDir dir;
  const std::string path = dir.File("org.key");
  EXPECT_EQ(LoadOrganizationKeyFile(path).status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(CreateOrganizationKeyFile(path).ok());
  ASSERT_EQ(chmod(path.c_str(), 0640), 0);
  const auto loose = LoadOrganizationKeyFile(path);
  EXPECT_EQ(loose.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(loose.status().message().find("chmod 600"), std::string::npos);
  const std::string bad = dir.File("bad.key");
  std::ofstream(bad) << std::string(64, 'a') << "\n";  // an instance secret, not an organization key
  ASSERT_EQ(chmod(bad.c_str(), 0600), 0);
  EXPECT_EQ(LoadOrganizationKeyFile(bad).status().code(), StatusCode::kDataLoss);
}

}  // namespace
}  // namespace pillarbox::privacy
