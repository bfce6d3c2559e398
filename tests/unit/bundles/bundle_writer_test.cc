// BundleWriter: entry names, streaming to the sink, misuse.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "bundle_test_fixture.h"
#include "bundles/bundle_format.h"
#include "bundles/entry_path.h"

namespace pillarbox::bundles::testing {
namespace {

TEST(EntryPathTest, AcceptsRelativeNames) {
  for (const char* path : {"a", "case/summary.json", "reports/0123abcd/answers.json", "evidence/IMG_0001.jpeg",
                           "x-y_z.1/2", ".hidden", "a/.b"}) {
    EXPECT_TRUE(ValidateEntryPath(path).ok()) << path;
  }
}

TEST(EntryPathTest, RefusesNamesThatCouldEscapeOrAreOdd) {
  for (const std::string& path : std::vector<std::string>{
           "", "/etc/passwd", "../x", "a/../b", "a/..", "..", "a..b", "a//b", "a/", "./a", "a/./b", ".", "a/.", "a\\b",
           "a b", "caf\xc3\xa9", std::string("a\0b", 3), "C:/x", std::string(256, 'a')}) {
    const Status status = ValidateEntryPath(path);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << path;
    EXPECT_EQ(status.field(), "path") << path;
  }
  EXPECT_TRUE(ValidateEntryPath(std::string(255, 'a')).ok());
}

class BundleWriterTest : public ::testing::Test {
 protected:
  privacy::BoxKeyPair organization_ = privacy::BoxKeyPair::Generate();
  privacy::SigningKey signer_ = privacy::SigningKey::FromSeed(privacy::SecretKey::Random());
  std::string out_;
  BundleWriter::Sink sink_ = [this](std::string_view piece) {
    out_.append(piece);
    return Status::Ok();
  };
};

TEST_F(BundleWriterTest, RefusesBadEntryNamesAndDuplicates) {
  auto writer = BundleWriter::Start(sink_, SampleHeader(), signer_, organization_.public_key);
  ASSERT_TRUE(writer.ok());
  EXPECT_EQ(writer->AddEntry("../escape", "x").code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(writer->AddEntry("a.txt", "x").ok());
  EXPECT_EQ(writer->AddEntry("a.txt", "y").code(), StatusCode::kInvalidArgument);
  const size_t before = out_.size();
  EXPECT_EQ(writer->AddEntry("/abs", "x").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(out_.size(), before) << "a refused entry writes nothing";
  ASSERT_TRUE(writer->Finish().ok());
  EXPECT_EQ(writer->AddEntry("b.txt", "x").code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(writer->Finish().code(), StatusCode::kFailedPrecondition);
  auto check = CheckBundle(out_, organization_.secret_key, signer_.public_key());
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->intact());
  ASSERT_EQ(check->manifest.size(), 1u);
  EXPECT_EQ(check->manifest[0].path, "a.txt");
}

TEST_F(BundleWriterTest, RefusesABadHeader) {
  for (BundleHeader header : {BundleHeader{"short", "org", "2026-11-22"},
                              BundleHeader{"00112233445566778899AABBCCDDEEFF", "org", "2026-11-22"},
                              BundleHeader{"00112233445566778899aabbccddeeff", "", "2026-11-22"},
                              BundleHeader{"00112233445566778899aabbccddeeff", "o/rg", "2026-11-22"},
                              BundleHeader{"00112233445566778899aabbccddeeff", "org", "22/11/2026"}}) {
    auto writer = BundleWriter::Start(sink_, header, signer_, organization_.public_key);
    EXPECT_EQ(writer.status().code(), StatusCode::kInvalidArgument) << header.bundle_id << header.organization_id;
  }
  EXPECT_TRUE(out_.empty());
}

TEST_F(BundleWriterTest, HandsTheSinkPiecesNoLargerThanOneMessage) {
  const std::string big(5 * 64 * 1024 + 3, 'q');
  const WrittenBundle bundle = WriteBundle({{"big.bin", big}, {"small", "s"}}, signer_, organization_.public_key);
  ASSERT_FALSE(bundle.sink_pieces.empty());
  const size_t largest = *std::max_element(bundle.sink_pieces.begin(), bundle.sink_pieces.end());
  EXPECT_LE(largest, size_t{64 * 1024 + 17});
  EXPECT_GE(bundle.sink_pieces.size(), size_t{6});
}

TEST_F(BundleWriterTest, ASinkFailureStopsTheWriter) {
  int calls = 0;
  BundleWriter::Sink failing = [&calls](std::string_view) {
    return ++calls > 2 ? Status::Unavailable("disk full") : Status::Ok();
  };
  auto writer = BundleWriter::Start(failing, SampleHeader(), signer_, organization_.public_key);
  ASSERT_TRUE(writer.ok());
  EXPECT_EQ(writer->AddEntry("a", std::string(200000, 'a')).code(), StatusCode::kUnavailable);
  EXPECT_EQ(writer->AddEntry("b", "b").code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(writer->Finish().code(), StatusCode::kFailedPrecondition);
}

TEST_F(BundleWriterTest, TwoBundlesOfTheSameContentDiffer) {
  const WrittenBundle a = WriteBundle(SampleEntries(), signer_, organization_.public_key);
  const WrittenBundle b = WriteBundle(SampleEntries(), signer_, organization_.public_key);
  EXPECT_EQ(a.bytes.size(), b.bytes.size());
  EXPECT_NE(a.bytes, b.bytes) << "a fresh bundle key each time";
}

}  // namespace
}  // namespace pillarbox::bundles::testing
