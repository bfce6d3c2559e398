// The offline bundle tools on the real binary: `instance signing-key`,
// `bundle keygen`, `bundle verify` and `bundle open`, on a bundle written
// here with a known instance secret.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "bundles/bundle_format.h"
#include "privacy/instance_secret.h"
#include "privacy/signing_key.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

const std::string kBig(64 * 1024 + 500, 'E');

class BundleCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(privacy::InstanceKeys::CreateFile(instance_.File("instance.key")).ok());
    const CommandResult keygen = RunPillarbox({"bundle", "keygen", "--out", OrgKey()});
    ASSERT_EQ(keygen.exit_code, 0) << keygen.err;
    org_public_hex_ = keygen.out.substr(0, keygen.out.find('\n'));
    ASSERT_EQ(org_public_hex_.size(), 64u) << keygen.out;
    ASSERT_EQ(keygen.out, org_public_hex_ + "\n");
  }

  std::string OrgKey() const { return work_.File("org.key"); }
  std::string BundlePath() const { return work_.File("case.pbxbundle"); }

  // The instance's signing key as `instance signing-key` prints it.
  std::string SignerHex() {
    const CommandResult result = RunPillarbox({"instance", "signing-key", "--data", instance_.path()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out.substr(0, result.out.find('\n'));
  }

  // Writes a bundle signed with the instance's key to BundlePath().
  void WriteBundle() {
    auto keys = privacy::InstanceKeys::LoadFile(instance_.File("instance.key"));
    ASSERT_TRUE(keys.ok());
    const privacy::SigningKey signer = privacy::SigningKey::FromSeed(keys->signing_seed());
    privacy::BoxPublicKey recipient;
    const auto bytes = privacy::FromHex(org_public_hex_);
    ASSERT_TRUE(bytes.ok());
    std::copy(bytes->begin(), bytes->end(), recipient.bytes.begin());
    std::ofstream file(BundlePath(), std::ios::binary);
    auto sink = [&file](std::string_view piece) {
      file.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      return file ? Status::Ok() : Status::Unavailable("write failed");
    };
    auto writer = bundles::BundleWriter::Start(sink, {"0123456789abcdef0123456789abcdef", "union-7", "2026-11-22"},
                                               signer, recipient);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE(writer->AddEntry("case/summary.json", R"({"case":"c1"})").ok());
    ASSERT_TRUE(writer->AddEntry("evidence/photo.jpg", kBig).ok());
    ASSERT_TRUE(writer->Finish().ok());
  }

  void FlipByteAt(size_t offset) {
    std::fstream file(BundlePath(), std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(static_cast<std::streamoff>(offset));
    char byte = 0;
    file.get(byte);
    file.seekp(static_cast<std::streamoff>(offset));
    file.put(static_cast<char>(byte ^ 0x10));
  }

  TempDir instance_;
  TempDir work_;
  std::string org_public_hex_;
};

TEST_F(BundleCliTest, KeygenMakesAPrivateFileAndNeverOverwrites) {
  struct stat info {};
  ASSERT_EQ(stat(OrgKey().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0600u);
  const std::string before = ReadFileBytes(OrgKey());
  const CommandResult again = RunPillarbox({"bundle", "keygen", "--out", OrgKey()});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("already exists"), std::string::npos) << again.err;
  EXPECT_EQ(ReadFileBytes(OrgKey()), before);
}

TEST_F(BundleCliTest, AnIntactBundleVerifiesWithThePinnedSigner) {
  WriteBundle();
  const std::string signer = SignerHex();
  ASSERT_EQ(signer.size(), 64u);
  const CommandResult result = RunPillarbox({"bundle", "verify", BundlePath(), "--key", OrgKey(), "--signer", signer});
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("signer: " + signer + " (pinned)"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("bundle: 0123456789abcdef0123456789abcdef"), std::string::npos);
  EXPECT_NE(result.out.find("organization: union-7"), std::string::npos);
  EXPECT_NE(result.out.find("created: 2026-11-22"), std::string::npos);
  EXPECT_NE(result.out.find("entries: 2"), std::string::npos);
  EXPECT_NE(result.out.find("  " + std::to_string(kBig.size()) + " "), std::string::npos);
  EXPECT_NE(result.out.find(" evidence/photo.jpg\n"), std::string::npos);
  EXPECT_NE(result.out.find("bundle intact"), std::string::npos);
  EXPECT_EQ(result.err, "");

  const CommandResult json = RunPillarbox({"bundle", "verify", BundlePath(), "--key", OrgKey(), "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.out.find("\"intact\": true"), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"signer_pinned\": false"), std::string::npos);
  EXPECT_NE(json.out.find("\"signer\": \"" + signer + "\""), std::string::npos);
}

TEST_F(BundleCliTest, OneFlippedByteFailsNamingThePart) {
  WriteBundle();
  const std::string signer = SignerHex();
  const size_t size = std::filesystem::file_size(BundlePath());
  FlipByteAt(size - 20);  // inside the signature part, the last in the file
  CommandResult result = RunPillarbox({"bundle", "verify", BundlePath(), "--key", OrgKey(), "--signer", signer});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("bundle ALTERED: signature: "), std::string::npos) << result.err;
  EXPECT_EQ(result.out.find("bundle intact"), std::string::npos);
  FlipByteAt(size - 20);
  FlipByteAt(size / 2);  // inside the large evidence entry
  result = RunPillarbox({"bundle", "verify", BundlePath(), "--key", OrgKey(), "--signer", signer, "--json"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("bundle ALTERED: evidence/photo.jpg: "), std::string::npos) << result.err;
  EXPECT_NE(result.out.find("\"intact\": false"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("evidence/photo.jpg: altered"), std::string::npos) << result.out;
}

TEST_F(BundleCliTest, AnotherSignerOrOrganizationIsRefused) {
  WriteBundle();
  TempDir other_instance;
  ASSERT_TRUE(privacy::InstanceKeys::CreateFile(other_instance.File("instance.key")).ok());
  const CommandResult other_signer = RunPillarbox({"instance", "signing-key", "--data", other_instance.path()});
  ASSERT_EQ(other_signer.exit_code, 0);
  CommandResult result =
      RunPillarbox({"bundle", "verify", BundlePath(), "--key", OrgKey(), "--signer", other_signer.out.substr(0, 64)});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("bundle ALTERED: signature: the bundle names signer"), std::string::npos) << result.err;

  ASSERT_EQ(RunPillarbox({"bundle", "keygen", "--out", work_.File("other.key")}).exit_code, 0);
  result = RunPillarbox({"bundle", "verify", BundlePath(), "--key", work_.File("other.key")});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("bundle ALTERED: bundle key: sealed to organization key " + org_public_hex_),
            std::string::npos)
      << result.err;
}

TEST_F(BundleCliTest, OpenWritesTheEntriesOnlyWhenIntact) {
  WriteBundle();
  const std::string out = work_.File("opened");
  const size_t size = std::filesystem::file_size(BundlePath());
  FlipByteAt(size / 2);
  CommandResult result = RunPillarbox({"bundle", "open", BundlePath(), "--key", OrgKey(), "--out", out});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("nothing was written"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  FlipByteAt(size / 2);
  result = RunPillarbox({"bundle", "open", BundlePath(), "--key", OrgKey(), "--signer", SignerHex(), "--out", out});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("wrote 2 entries to " + out), std::string::npos);
  EXPECT_EQ(ReadFileBytes(out + "/case/summary.json"), R"({"case":"c1"})");
  EXPECT_EQ(ReadFileBytes(out + "/evidence/photo.jpg"), kBig);
  struct stat info {};
  ASSERT_EQ(stat((out + "/evidence/photo.jpg").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0600u);
  // A second open into the same folder overwrites nothing.
  result = RunPillarbox({"bundle", "open", BundlePath(), "--key", OrgKey(), "--out", out});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("already exists"), std::string::npos) << result.err;
}

TEST_F(BundleCliTest, OpenDoesNotFollowASymlinkOutOfTheFolder) {
  WriteBundle();
  const std::string out = work_.File("opened");
  TempDir elsewhere;
  std::filesystem::create_directory(out);
  std::filesystem::create_directory_symlink(elsewhere.path(), out + "/evidence");
  const CommandResult result = RunPillarbox({"bundle", "open", BundlePath(), "--key", OrgKey(), "--out", out});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(elsewhere.File("photo.jpg")));
}

TEST_F(BundleCliTest, UnusableInputIsOneClearLine) {
  std::ofstream(work_.File("not-a-bundle")) << "hello";
  CommandResult result = RunPillarbox({"bundle", "verify", work_.File("not-a-bundle"), "--key", OrgKey()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("not a Pillarbox bundle"), std::string::npos) << result.err;
  ASSERT_EQ(chmod(OrgKey().c_str(), 0644), 0);
  WriteBundle();
  result = RunPillarbox({"bundle", "verify", BundlePath(), "--key", OrgKey()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("chmod 600"), std::string::npos) << result.err;
  EXPECT_EQ(RunPillarbox({"bundle"}).exit_code, 2);
  EXPECT_EQ(RunPillarbox({"bundle", "verify", BundlePath()}).exit_code, 2);
  EXPECT_EQ(RunPillarbox({"instance", "signing-key", "--data", work_.path()}).exit_code, 1);
}

}  // namespace
}  // namespace pillarbox::testing
