// Every way of damaging a bundle is named: each single byte flipped, cuts,
// appended bytes, entries swapped.
#include <gtest/gtest.h>

#include <algorithm>

#include "bundle_test_fixture.h"
#include "bundles/bundle_format.h"

namespace pillarbox::bundles::testing {
namespace {

class BundleDamageTest : public ::testing::Test {
 protected:
  privacy::BoxKeyPair organization_ = privacy::BoxKeyPair::Generate();
  privacy::SigningKey signer_ = privacy::SigningKey::FromSeed(privacy::SecretKey::Random());
  WrittenBundle bundle_ = WriteBundle(SampleEntries(), signer_, organization_.public_key);

  // An empty string when CheckBundle of `bytes` names `part`; else what it said.
  std::string Unnamed(std::string_view bytes, const std::string& part) {
    auto check = CheckBundle(bytes, organization_.secret_key, std::nullopt);
    if (!check.ok()) {
      const bool named = check.status().code() == StatusCode::kInvalidArgument && part == "header" &&
                         check.status().message().find("header") != std::string::npos;
      return named ? "" : "error " + check.status().ToString();
    }
    if (check->intact()) return "reported intact";
    const bool named = std::any_of(check->problems.begin(), check->problems.end(),
                                   [&part](const std::string& problem) { return problem.starts_with(part + ": "); });
    std::string said;
    for (const std::string& problem : check->problems) said += "[" + problem + "] ";
    return named ? "" : said;
  }
};

TEST_F(BundleDamageTest, TheUndamagedBundleIsIntact) { EXPECT_EQ(Unnamed(bundle_.bytes, "x"), "reported intact"); }

TEST_F(BundleDamageTest, EveryFlippedByteIsNamedByItsPart) {
  ASSERT_GT(bundle_.bytes.size(), size_t{64 * 1024});
  std::string bytes = bundle_.bytes;
  size_t failures = 0;
  std::vector<std::string> counts_per_part(bundle_.parts.size());
  for (size_t offset = 0; offset < bytes.size(); ++offset) {
    const std::string part = PartAt(bundle_, offset);
    // One bit per byte, cycling through all eight bit positions (one check per byte keeps the test under a minute).
    for (const uint8_t flip : {static_cast<uint8_t>(1u << (offset % 8))}) {
      bytes[offset] = static_cast<char>(bytes[offset] ^ flip);
      const std::string unnamed = Unnamed(bytes, part);
      bytes[offset] = static_cast<char>(bytes[offset] ^ flip);
      if (!unnamed.empty() && ++failures <= 10) {
        ADD_FAILURE() << "byte " << offset << " ^ " << int{flip} << " in " << part << ": " << unnamed;
      }
    }
  }
  EXPECT_EQ(failures, 0u) << "of " << bytes.size() << " bytes";
}

TEST_F(BundleDamageTest, AFlippedEntryByteNamesOnlyThatEntry) {
  for (const PartRange& part : bundle_.parts) {
    if (part.name == "header" || part.name == "bundle key" || part.name == "manifest" || part.name == "signature") {
      continue;
    }
    for (const size_t offset : {part.begin, part.begin + 9, part.begin + 40, part.end - 1}) {
      std::string bytes = bundle_.bytes;
      bytes[offset] = static_cast<char>(bytes[offset] ^ 0x20);
      auto check = CheckBundle(bytes, organization_.secret_key, signer_.public_key());
      ASSERT_TRUE(check.ok());
      ASSERT_EQ(check->problems.size(), 1u) << part.name << " @" << offset;
      EXPECT_TRUE(check->problems[0].starts_with(part.name + ": ")) << check->problems[0];
      EXPECT_EQ(check->manifest.size(), SampleEntries().size());
    }
  }
}

TEST_F(BundleDamageTest, EveryCutIsNamed) {
  // A cut inside the header section names the header; any later cut removes the signature part's place.
  const size_t parts_start = bundle_.parts[3].begin;
  size_t failures = 0;
  for (size_t length = 0; length < bundle_.bytes.size(); length += (length < 400 ? 1 : 37)) {
    const std::string part = length < parts_start ? "header" : "signature";
    const std::string unnamed = Unnamed(std::string_view(bundle_.bytes).substr(0, length), part);
    if (!unnamed.empty() && ++failures <= 10) ADD_FAILURE() << "cut at " << length << ": " << unnamed;
  }
  for (size_t cut = 1; cut <= 130; ++cut) {
    EXPECT_EQ(Unnamed(std::string_view(bundle_.bytes).substr(0, bundle_.bytes.size() - cut), "signature"), "")
        << "cut " << cut << " bytes from the end";
  }
  EXPECT_EQ(failures, 0u);
}

TEST_F(BundleDamageTest, AppendedBytesAreNamed) {
  for (const std::string& extra : {std::string(1, '\0'), std::string(9, 'x'), std::string(200, '\x01')}) {
    const std::string bytes = bundle_.bytes + extra;
    auto check = CheckBundle(bytes, organization_.secret_key, signer_.public_key());
    ASSERT_TRUE(check.ok());
    EXPECT_FALSE(check->intact()) << extra.size();
    EXPECT_EQ(Unnamed(bytes, "signature"), "") << extra.size();
  }
  auto check = CheckBundle(bundle_.bytes + "\x07", organization_.secret_key, signer_.public_key());
  ASSERT_TRUE(check.ok());
  EXPECT_NE(std::find(check->problems.begin(), check->problems.end(),
                      "signature: 1 unexpected byte(s) follow the signature part"),
            check->problems.end());
  EXPECT_EQ(check->manifest.size(), SampleEntries().size()) << "the manifest is still found and read";
}

// `bytes` with the parts at `a` and `b` (indexes into bundle.parts, a < b) exchanged.
std::string SwapParts(const WrittenBundle& bundle, size_t a, size_t b) {
  const PartRange& first = bundle.parts[a];
  const PartRange& second = bundle.parts[b];
  const std::string_view bytes = bundle.bytes;
  return std::string(bytes.substr(0, first.begin)) +
         std::string(bytes.substr(second.begin, second.end - second.begin)) +
         std::string(bytes.substr(first.end, second.begin - first.end)) +
         std::string(bytes.substr(first.begin, first.end - first.begin)) + std::string(bytes.substr(second.end));
}

TEST_F(BundleDamageTest, SwappedEntriesAreNamed) {
  // parts: header, bundle key, header tag, then the entries from index 3.
  const auto entries = SampleEntries();
  for (const auto& [a, b] : {std::pair<size_t, size_t>{0, 4}, {0, 1}, {1, 2}, {2, 3}}) {
    const std::string swapped = SwapParts(bundle_, 3 + a, 3 + b);
    auto check = CheckBundle(swapped, organization_.secret_key, signer_.public_key());
    ASSERT_TRUE(check.ok());
    for (const std::string& path : {entries[a].first, entries[b].first}) {
      EXPECT_TRUE(std::any_of(check->problems.begin(), check->problems.end(),
                              [&path](const std::string& problem) { return problem.starts_with(path + ": "); }))
          << "swap " << a << "," << b << " does not name " << path;
    }
  }
}

TEST_F(BundleDamageTest, AnEntryFromAnotherBundleIsNamed) {
  // The same entries to the same organization, but a different bundle (another bundle key and id).
  BundleHeader other_header = SampleHeader();
  other_header.bundle_id = "ffeeddccbbaa99887766554433221100";
  const WrittenBundle other = WriteBundle(SampleEntries(), signer_, organization_.public_key, other_header);
  const PartRange& mine = bundle_.parts[3];
  const PartRange& theirs = other.parts[3];
  const std::string spliced = bundle_.bytes.substr(0, mine.begin) +
                              other.bytes.substr(theirs.begin, theirs.end - theirs.begin) +
                              bundle_.bytes.substr(mine.end);
  auto check = CheckBundle(spliced, organization_.secret_key, signer_.public_key());
  ASSERT_TRUE(check.ok());
  ASSERT_EQ(check->problems.size(), 1u);
  EXPECT_TRUE(check->problems[0].starts_with("case/summary.json: ")) << check->problems[0];
}

}  // namespace
}  // namespace pillarbox::bundles::testing
