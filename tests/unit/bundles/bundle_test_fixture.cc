#include "bundle_test_fixture.h"

#include <gtest/gtest.h>

#include "bundles/bundle_layout.h"

namespace pillarbox::bundles::testing {

std::vector<std::pair<std::string, std::string>> SampleEntries() {
  std::string big(64 * 1024 + 700, '\0');
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>((i * 131 + 7) ^ (i >> 8));
  return {{"case/summary.json", R"({"case":"c1","status":"open"})"},
          {"reports/0123456789abcdef0123456789abcdef/answers.json", R"({"what":"[redacted]","region":"EU"})"},
          {"evidence/screenshot.png", big},
          {"evidence/empty.txt", ""},
          {"custody/audit.json", R"([{"seq":1,"action":"case.shared"}])"}};
}

BundleHeader SampleHeader() { return {"00112233445566778899aabbccddeeff", "union-7", "2026-11-22"}; }

WrittenBundle WriteBundle(const std::vector<std::pair<std::string, std::string>>& entries,
                          const privacy::SigningKey& signer, const privacy::BoxPublicKey& recipient,
                          const BundleHeader& header) {
  WrittenBundle written;
  auto sink = [&written](std::string_view piece) {
    written.bytes.append(piece);
    written.sink_pieces.push_back(piece.size());
    return Status::Ok();
  };
  auto writer = BundleWriter::Start(sink, header, signer, recipient);
  EXPECT_TRUE(writer.ok()) << writer.status().ToString();
  if (!writer.ok()) return written;
  const size_t json_bytes = layout::ReadLittleEndian(std::string_view(written.bytes).substr(10, 4));
  const size_t key_at = layout::kPrefixBytes + json_bytes;
  written.parts.push_back({0, key_at, "header"});
  written.parts.push_back({key_at, key_at + privacy::kSealedKeyBytes, "bundle key"});
  written.parts.push_back({key_at + privacy::kSealedKeyBytes, written.bytes.size(), "header"});
  for (const auto& [path, content] : entries) {
    const size_t begin = written.bytes.size();
    EXPECT_TRUE(writer->AddEntry(path, content).ok()) << path;
    written.parts.push_back({begin, written.bytes.size(), path});
  }
  const size_t manifest_at = written.bytes.size();
  EXPECT_TRUE(writer->Finish().ok());
  const size_t signature_at = written.bytes.size() - layout::kLengthBytes - layout::kSignaturePartBytes;
  written.parts.push_back({manifest_at, signature_at, "manifest"});
  written.parts.push_back({signature_at, written.bytes.size(), "signature"});
  return written;
}

std::string PartAt(const WrittenBundle& bundle, size_t offset) {
  for (const PartRange& part : bundle.parts) {
    if (offset >= part.begin && offset < part.end) return part.name;
  }
  return "?";
}

}  // namespace pillarbox::bundles::testing
