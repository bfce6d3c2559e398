#include "privacy/instance_keyring.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <string>

#include "privacy/instance_secret.h"
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

const std::string kHexA(64, 'a');
const std::string kHexB(64, 'b');
const std::string kHexC(64, 'c');

TEST(InstanceKeyringTest, LegacyLineIsVersionOneAndFormatsBackToIt) {
  Result<InstanceKeyring> keyring = InstanceKeyring::Parse(kHexA + "\n");
  ASSERT_TRUE(keyring.ok()) << keyring.status().ToString();
  EXPECT_EQ(keyring->master().version, 1u);
  EXPECT_FALSE(keyring->retiring().has_value());
  EXPECT_TRUE(keyring->retired_peppers().empty());
  EXPECT_EQ(keyring->Format(), kHexA + "\n");
}

TEST(InstanceKeyringTest, RotationKeepsTheOldMasterUntilFinishedThenOnlyItsPepper) {
  Result<InstanceKeyring> first = InstanceKeyring::Parse(kHexA + "\n");
  ASSERT_TRUE(first.ok());
  Result<InstanceKeyring> rotating = first->BeginRotation();
  ASSERT_TRUE(rotating.ok());
  EXPECT_EQ(rotating->master().version, 2u);
  EXPECT_NE(Copy(rotating->master().key), Copy(first->master().key));
  ASSERT_TRUE(rotating->retiring().has_value());
  EXPECT_EQ(rotating->retiring()->version, 1u);
  EXPECT_EQ(Copy(rotating->retiring()->key), Copy(first->master().key));
  EXPECT_EQ(rotating->BeginRotation().status().code(), StatusCode::kFailedPrecondition);

  const std::string text = rotating->Format();
  EXPECT_EQ(text.rfind("pillarbox-keyring 1\nmaster 2 ", 0), 0u) << "header first";
  EXPECT_NE(text.find("\nretiring 1 " + kHexA + "\n"), std::string::npos);
  Result<InstanceKeyring> reparsed = InstanceKeyring::Parse(text);
  ASSERT_TRUE(reparsed.ok()) << reparsed.status().ToString();
  EXPECT_EQ(reparsed->Format(), text);

  Result<InstanceKeyring> finished = rotating->FinishRotation();
  ASSERT_TRUE(finished.ok());
  EXPECT_FALSE(finished->retiring().has_value());
  ASSERT_EQ(finished->retired_peppers().size(), 1u);
  EXPECT_EQ(finished->retired_peppers()[0].version, 1u);
  EXPECT_EQ(Copy(finished->retired_peppers()[0].key), Copy(DeriveReceiptPepper(first->master().key)));
  EXPECT_EQ(finished->Format().find(kHexA), std::string::npos) << "the retired master must be gone";
  EXPECT_EQ(finished->FinishRotation().status().code(), StatusCode::kFailedPrecondition);

  // A second rotation keeps both peppers, newest first.
  Result<InstanceKeyring> again = finished->BeginRotation();
  ASSERT_TRUE(again.ok());
  Result<InstanceKeyring> twice = again->FinishRotation();
  ASSERT_TRUE(twice.ok());
  ASSERT_EQ(twice->retired_peppers().size(), 2u);
  EXPECT_EQ(twice->master().version, 3u);
  EXPECT_EQ(twice->retired_peppers()[0].version, 2u);
  EXPECT_EQ(twice->retired_peppers()[1].version, 1u);
}

TEST(InstanceKeyringTest, KeysOfAKeyringTryEveryPepperNewestFirst) {
  Result<InstanceKeyring> rotating = InstanceKeyring::Parse("pillarbox-keyring 1\nmaster 3 " + kHexC +
                                                            "\nretiring 2 " + kHexB + "\npepper 1 " + kHexA + "\n");
  ASSERT_TRUE(rotating.ok()) << rotating.status().ToString();
  const InstanceKeys keys = InstanceKeys::FromKeyring(*rotating);
  EXPECT_EQ(keys.master_version(), 3u);
  ASSERT_NE(keys.retiring(), nullptr);
  EXPECT_EQ(keys.retiring()->master_version(), 2u);
  const auto peppers = keys.receipt_peppers();
  ASSERT_EQ(peppers.size(), 3u);
  EXPECT_EQ(Copy(*peppers[0]), Copy(keys.receipt_pepper()));
  EXPECT_EQ(Copy(*peppers[1]), Copy(keys.retiring()->receipt_pepper()));
  Result<Bytes> pepper_one = FromHex(kHexA);
  ASSERT_TRUE(pepper_one.ok());
  EXPECT_EQ(Copy(*peppers[2]), *pepper_one);
  // The retiring master derives exactly what it derived as the only master.
  const InstanceKeys old = InstanceKeys::Derive(*SecretKey::FromBytes(*FromHex(kHexB)));
  EXPECT_EQ(Copy(keys.retiring()->audit_key()), Copy(old.audit_key()));
  EXPECT_EQ(Copy(keys.retiring()->blind_index_key()), Copy(old.blind_index_key()));
}

TEST(InstanceKeyringTest, MalformedKeyringsAreDataLossNamingTheLine) {
  const std::string header = "pillarbox-keyring 1\n";
  for (const std::string& content : {
           header,                                                           // no master
           header + "master 1 " + kHexA,                                     // no final newline
           header + "master 1 " + kHexA + "\nmaster 2 " + kHexB + "\n",      // two masters
           header + "master 0 " + kHexA + "\n",                              // version 0
           header + "master 01 " + kHexA + "\n",                             // leading zero
           header + "master 2 " + kHexA + "\nretiring 2 " + kHexB + "\n",    // same version
           header + "master 2 " + kHexA + "\nretiring 3 " + kHexB + "\n",    // retiring newer
           header + "master 2 " + kHexA + "\npepper 5 " + kHexB + "\n",      // pepper newer
           header + "master 2 " + kHexA.substr(1) + "\n",                    // short key
           header + "master 2 " + kHexA + "\nspare 1 " + kHexB + "\n",       // unknown word
           header + "master 2 " + kHexA + "\n\n",                            // empty line
           std::string("pillarbox-keyring 2\nmaster 1 ") + kHexA + "\n",     // unknown format
       }) {
    Result<InstanceKeyring> parsed = InstanceKeyring::Parse(content);
    ASSERT_FALSE(parsed.ok()) << content;
    EXPECT_EQ(parsed.status().code(), StatusCode::kDataLoss) << content;
    EXPECT_EQ(parsed.status().message().find(kHexA.substr(0, 16)), std::string::npos) << "no key material";
  }
}

TEST(InstanceKeyringTest, ReplaceIsAtomicWithMode0600AndReadBack) {
  TempDir dir;
  const std::string path = dir.File("instance.key");
  const InstanceKeyring first = InstanceKeyring::Fresh();
  ASSERT_TRUE(first.Create(path).ok());
  EXPECT_EQ(first.Create(path).code(), StatusCode::kConflict);
  Result<InstanceKeyring> rotating = first.BeginRotation();
  ASSERT_TRUE(rotating.ok());
  ASSERT_TRUE(rotating->Replace(path).ok());
  struct stat info {};
  ASSERT_EQ(stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0600u);
  EXPECT_NE(stat(dir.File("instance.key.rotating").c_str(), &info), 0) << "no temporary file is left";
  Result<InstanceKeyring> read = InstanceKeyring::Read(path);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->Format(), rotating->Format());
  EXPECT_EQ(ReadFileBytes(path), rotating->Format());

  // A keyring file with loose permissions is refused like the legacy one.
  ASSERT_EQ(chmod(path.c_str(), 0640), 0);
  EXPECT_EQ(InstanceKeyring::Read(path).status().code(), StatusCode::kFailedPrecondition);
  WriteFile(path, "pillarbox-keyring 1\nmaster 2 " + kHexA + "\n", 0600);
  EXPECT_TRUE(InstanceKeys::LoadFile(path).ok());
}

}  // namespace
}  // namespace pillarbox::privacy
