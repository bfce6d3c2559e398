// A good bundle checks intact with every entry; the wrong organization key,
// another signer and a forged signature are refused with a named problem.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "bundle_forger.h"
#include "bundle_test_fixture.h"
#include "bundles/bundle_format.h"
#include "bundles/bundle_layout.h"
#include "privacy/content_hash.h"

namespace pillarbox::bundles::testing {
namespace {

class BundleCheckTest : public ::testing::Test {
 protected:
  privacy::BoxKeyPair organization_ = privacy::BoxKeyPair::Generate();
  privacy::SigningKey signer_ = privacy::SigningKey::FromSeed(privacy::SecretKey::Random());
};

TEST_F(BundleCheckTest, AGoodBundleIsIntactWithEveryEntry) {
  const auto entries = SampleEntries();
  const WrittenBundle bundle = WriteBundle(entries, signer_, organization_.public_key);
  std::map<std::string, std::string> opened;
  auto check = CheckBundle(
      bundle.bytes, organization_.secret_key, signer_.public_key(),
      [&opened](const ManifestEntry& entry, std::string_view content) { opened[entry.path] = std::string(content); });
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  EXPECT_TRUE(check->intact()) << check->problems[0];
  EXPECT_EQ(check->header.bundle_id, SampleHeader().bundle_id);
  EXPECT_EQ(check->header.organization_id, "union-7");
  EXPECT_EQ(check->header.created_day, "2026-11-22");
  EXPECT_EQ(check->signer, signer_.public_key());
  ASSERT_EQ(check->manifest.size(), entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    EXPECT_EQ(check->manifest[i].path, entries[i].first);
    EXPECT_EQ(check->manifest[i].size, entries[i].second.size());
    EXPECT_EQ(check->manifest[i].blake2b, privacy::ToHex(privacy::HashContent(privacy::AsBytes(entries[i].second))));
    EXPECT_EQ(opened[entries[i].first], entries[i].second);
  }
  // Without pinning, the key the bundle names is used and reported.
  auto unpinned = CheckBundle(bundle.bytes, organization_.secret_key, std::nullopt);
  ASSERT_TRUE(unpinned.ok());
  EXPECT_TRUE(unpinned->intact());
  EXPECT_EQ(unpinned->signer, signer_.public_key());
}

TEST_F(BundleCheckTest, NoPlaintextAppearsInTheFile) {
  const WrittenBundle bundle = WriteBundle(SampleEntries(), signer_, organization_.public_key);
  for (const std::string needle : {"[redacted]", "case.shared", "summary.json", "reports/", "blake2b"}) {
    EXPECT_EQ(bundle.bytes.find(needle), std::string::npos) << needle;
  }
}

TEST_F(BundleCheckTest, AnEmptyBundleIsIntact) {
  const WrittenBundle bundle = WriteBundle({}, signer_, organization_.public_key);
  auto check = CheckBundle(bundle.bytes, organization_.secret_key, signer_.public_key());
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->intact());
  EXPECT_TRUE(check->manifest.empty());
}

TEST_F(BundleCheckTest, AnotherOrganizationsKeyCannotOpenIt) {
  const WrittenBundle bundle = WriteBundle(SampleEntries(), signer_, organization_.public_key);
  const privacy::BoxKeyPair other = privacy::BoxKeyPair::Generate();
  std::vector<std::string> seen;
  auto check = CheckBundle(bundle.bytes, other.secret_key, signer_.public_key(),
                           [&seen](const ManifestEntry& entry, std::string_view) { seen.push_back(entry.path); });
  ASSERT_TRUE(check.ok());
  ASSERT_EQ(check->problems.size(), 1u);
  EXPECT_TRUE(check->problems[0].starts_with("bundle key: sealed to organization key " +
                                             privacy::ToHex(organization_.public_key.bytes)))
      << check->problems[0];
  EXPECT_NE(check->problems[0].find("another organization"), std::string::npos);
  EXPECT_TRUE(check->manifest.empty());
  EXPECT_TRUE(seen.empty());
}

TEST_F(BundleCheckTest, ABundleFromAnotherSignerFailsWhenTheSignerIsPinned) {
  // Someone with the organization's public key but not the instance's signing
  // key writes a bundle of altered content to the same organization.
  const privacy::SigningKey forger = privacy::SigningKey::FromSeed(privacy::SecretKey::Random());
  auto entries = SampleEntries();
  entries[1].second = R"({"what":"made up","region":"EU"})";
  const WrittenBundle forged = WriteBundle(entries, forger, organization_.public_key);
  auto pinned = CheckBundle(forged.bytes, organization_.secret_key, signer_.public_key());
  ASSERT_TRUE(pinned.ok());
  ASSERT_EQ(pinned->problems.size(), 1u);
  EXPECT_TRUE(
      pinned->problems[0].starts_with("signature: the bundle names signer " + privacy::ToHex(forger.public_key())))
      << pinned->problems[0];
  // Unpinned, it is self-consistent: the report names the forger's key, which differs from the instance's.
  auto unpinned = CheckBundle(forged.bytes, organization_.secret_key, std::nullopt);
  ASSERT_TRUE(unpinned.ok());
  EXPECT_TRUE(unpinned->intact());
  EXPECT_NE(unpinned->signer, signer_.public_key());
}

// Re-encrypts a genuine bundle's content to the same organization, claiming the
// instance as signer: with the genuine manifest and signature, or with an
// altered entry and a manifest to match.
class ReencryptedBundleTest : public BundleCheckTest {
 protected:
  Forgery Genuine() {
    const auto entries = SampleEntries();
    const WrittenBundle bundle = WriteBundle(entries, signer_, organization_.public_key);
    std::vector<ManifestEntry> listed;
    for (const auto& [path, content] : entries) {
      listed.push_back({path, content.size(), privacy::ToHex(privacy::HashContent(privacy::AsBytes(content)))});
    }
    Forgery forgery{SampleHeader(),
                    signer_.public_key(),
                    entries,
                    layout::EncodeManifest(SampleHeader(), signer_.public_key(), organization_.public_key, listed),
                    {}};
    forgery.signature = signer_.Sign(privacy::AsBytes(layout::ManifestSigningMessage(forgery.manifest_json)));
    return forgery;
  }
};

TEST_F(ReencryptedBundleTest, AFaithfulCopyOfTheContentStillVerifies) {
  auto check =
      CheckBundle(ForgeBundle(Genuine(), organization_.public_key), organization_.secret_key, signer_.public_key());
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->intact()) << check->problems[0];
}

TEST_F(ReencryptedBundleTest, AnAlteredEntryWithTheOldManifestIsNamed) {
  Forgery forgery = Genuine();
  forgery.entries[1].second = R"({"what":"[REDACTED]","region":"EU"})";  // same size, other content
  auto check = CheckBundle(ForgeBundle(forgery, organization_.public_key), organization_.secret_key, std::nullopt);
  ASSERT_TRUE(check.ok());
  ASSERT_EQ(check->problems.size(), 1u);
  EXPECT_TRUE(check->problems[0].starts_with(forgery.entries[1].first + ": size or BLAKE2b hash differs"))
      << check->problems[0];
}

TEST_F(ReencryptedBundleTest, AnAlteredEntryWithAMatchingManifestFailsTheSignature) {
  Forgery forgery = Genuine();
  forgery.entries[1].second = R"({"what":"made up","region":"EU"})";
  std::vector<ManifestEntry> listed;
  for (const auto& [path, content] : forgery.entries) {
    listed.push_back({path, content.size(), privacy::ToHex(privacy::HashContent(privacy::AsBytes(content)))});
  }
  forgery.manifest_json =
      layout::EncodeManifest(SampleHeader(), signer_.public_key(), organization_.public_key, listed);
  for (const auto& pinned : {std::optional<privacy::SigningPublicKey>(), std::optional(signer_.public_key())}) {
    auto check = CheckBundle(ForgeBundle(forgery, organization_.public_key), organization_.secret_key, pinned);
    ASSERT_TRUE(check.ok());
    ASSERT_EQ(check->problems.size(), 1u);
    EXPECT_TRUE(check->problems[0].starts_with("signature: does not verify")) << check->problems[0];
  }
}

TEST_F(ReencryptedBundleTest, AHeaderThatDisagreesWithTheSignedManifestIsNamed) {
  Forgery forgery = Genuine();
  forgery.header.created_day = "2026-01-01";  // the signed manifest says 2026-11-22
  auto check =
      CheckBundle(ForgeBundle(forgery, organization_.public_key), organization_.secret_key, signer_.public_key());
  ASSERT_TRUE(check.ok());
  ASSERT_EQ(check->problems.size(), 1u);
  EXPECT_TRUE(check->problems[0].starts_with("manifest: does not match the header")) << check->problems[0];
}

TEST_F(ReencryptedBundleTest, AGenuineBundleReencryptedToAnotherOrganizationIsNamed) {
  // A member of the intended organization passes the genuine manifest and signature on to another one.
  const privacy::BoxKeyPair other = privacy::BoxKeyPair::Generate();
  auto check = CheckBundle(ForgeBundle(Genuine(), other.public_key), other.secret_key, signer_.public_key());
  ASSERT_TRUE(check.ok());
  ASSERT_EQ(check->problems.size(), 1u);
  EXPECT_TRUE(check->problems[0].starts_with("manifest: was signed for organization key " +
                                             privacy::ToHex(organization_.public_key.bytes)))
      << check->problems[0];
}

TEST_F(BundleCheckTest, NotABundleIsAnError) {
  for (const std::string& bytes : {std::string(), std::string("PBXBUND"), std::string("hello world, not a bundle")}) {
    auto check = CheckBundle(bytes, organization_.secret_key, std::nullopt);
    ASSERT_FALSE(check.ok());
    EXPECT_EQ(check.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(check.status().message().find("not a Pillarbox bundle"), std::string::npos);
  }
}

}  // namespace
}  // namespace pillarbox::bundles::testing
