#include "reporter/upload_staging.h"

#include <gtest/gtest.h>

#include <string>

#include "support/manual_clock.h"

namespace pillarbox::reporter {
namespace {

constexpr char kReport[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
constexpr char kOtherReport[] = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

privacy::Bytes Chunk(size_t size, uint8_t fill) { return privacy::Bytes(size, fill); }

class UploadStagingTest : public ::testing::Test {
 protected:
  UploadStaging::Options Small() {
    UploadStaging::Options options;
    options.max_file_bytes = 3 * kMaxChunkBytes;
    options.max_staged_bytes = 4 * kMaxChunkBytes;
    options.idle_timeout_seconds = 600;
    return options;
  }
  testing::ManualClock clock_;
};

TEST_F(UploadStagingTest, ChunksInOrderAddUpToTheFile) {
  UploadStaging staging(clock_, Small());
  const auto id = staging.Begin(kReport, kMaxChunkBytes + 10);
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(id->size(), 32u);
  EXPECT_EQ(id->find_first_not_of("0123456789abcdef"), std::string::npos);
  ASSERT_TRUE(staging.Append(kReport, *id, 0, Chunk(kMaxChunkBytes, 'a')).ok());
  ASSERT_TRUE(staging.Append(kReport, *id, 1, Chunk(10, 'b')).ok());
  const auto bytes = staging.Finish(kReport, *id);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  ASSERT_EQ(bytes->size(), kMaxChunkBytes + 10);
  EXPECT_EQ(bytes->bytes()[0], 'a');
  EXPECT_EQ(bytes->bytes()[kMaxChunkBytes], 'b');
  EXPECT_EQ(staging.open_uploads(), 0u);
  EXPECT_EQ(staging.staged_bytes(), 0u);
  EXPECT_EQ(staging.Finish(kReport, *id).status().code(), StatusCode::kNotFound);  // gone once finished
}

TEST_F(UploadStagingTest, DeclaredSizeIsChecked) {
  UploadStaging staging(clock_, Small());
  EXPECT_EQ(staging.Begin(kReport, 0).status().field(), "size");
  const auto too_big = staging.Begin(kReport, 3 * kMaxChunkBytes + 1);
  EXPECT_EQ(too_big.status().code(), StatusCode::kPayloadTooLarge);
  EXPECT_EQ(too_big.status().field(), "size");
  EXPECT_TRUE(staging.Begin(kReport, 3 * kMaxChunkBytes).ok());
}

TEST_F(UploadStagingTest, ChunksMustComeInOrderAndARefusedChunkChangesNothing) {
  UploadStaging staging(clock_, Small());
  const std::string id = *staging.Begin(kReport, 30);
  EXPECT_EQ(staging.Append(kReport, id, 1, Chunk(10, 'x')).field(), "chunk");  // skipped 0
  ASSERT_TRUE(staging.Append(kReport, id, 0, Chunk(10, 'a')).ok());
  EXPECT_EQ(staging.Append(kReport, id, 0, Chunk(10, 'x')).field(), "chunk");  // repeated
  EXPECT_EQ(staging.Append(kReport, id, 2, Chunk(10, 'x')).field(), "chunk");  // skipped 1
  EXPECT_EQ(staging.Append(kReport, id, 1, {}).field(), "chunk");              // empty
  const Status over = staging.Append(kReport, id, 1, Chunk(21, 'x'));          // past the declared size
  EXPECT_EQ(over.code(), StatusCode::kPayloadTooLarge);
  EXPECT_EQ(over.field(), "chunk");
  ASSERT_TRUE(staging.Append(kReport, id, 1, Chunk(20, 'b')).ok());
  const auto bytes = staging.Finish(kReport, id);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(std::string(bytes->bytes().begin(), bytes->bytes().end()), std::string(10, 'a') + std::string(20, 'b'));
}

TEST_F(UploadStagingTest, ChunkOverOneMebibyteIsRefused) {
  UploadStaging staging(clock_, Small());
  const std::string id = *staging.Begin(kReport, 2 * kMaxChunkBytes);
  const Status status = staging.Append(kReport, id, 0, Chunk(kMaxChunkBytes + 1, 'x'));
  EXPECT_EQ(status.code(), StatusCode::kPayloadTooLarge);
  EXPECT_EQ(status.field(), "chunk");
}

TEST_F(UploadStagingTest, TruncatedSequenceIsRefusedAndDropped) {
  UploadStaging staging(clock_, Small());
  const std::string id = *staging.Begin(kReport, 30);
  ASSERT_TRUE(staging.Append(kReport, id, 0, Chunk(10, 'a')).ok());
  const auto finished = staging.Finish(kReport, id);
  EXPECT_EQ(finished.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(finished.status().field(), "chunks");
  EXPECT_EQ(staging.open_uploads(), 0u);
  EXPECT_EQ(staging.staged_bytes(), 0u);
  EXPECT_EQ(staging.Append(kReport, id, 1, Chunk(20, 'b')).code(), StatusCode::kNotFound);
}

TEST_F(UploadStagingTest, AnotherReportsUploadIsNotFound) {
  UploadStaging staging(clock_, Small());
  const std::string id = *staging.Begin(kReport, 30);
  EXPECT_EQ(staging.Append(kOtherReport, id, 0, Chunk(10, 'a')).code(), StatusCode::kNotFound);
  EXPECT_EQ(staging.Finish(kOtherReport, id).status().code(), StatusCode::kNotFound);
  staging.Abort(kOtherReport, id);
  EXPECT_EQ(staging.open_uploads(), 1u);  // untouched
  EXPECT_EQ(staging.Append(kReport, "0123", 0, Chunk(10, 'a')).code(), StatusCode::kNotFound);
  staging.Abort(kReport, id);
  EXPECT_EQ(staging.open_uploads(), 0u);
}

TEST_F(UploadStagingTest, GlobalCapRefusesNewUploadsUntilBytesAreFreed) {
  UploadStaging::Options options = Small();
  options.max_uploads_per_report = 10;
  UploadStaging staging(clock_, options);
  const std::string first = *staging.Begin(kReport, 3 * kMaxChunkBytes);
  EXPECT_EQ(staging.staged_bytes(), 3 * kMaxChunkBytes);
  const auto refused = staging.Begin(kOtherReport, kMaxChunkBytes + 1);
  EXPECT_EQ(refused.status().code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(staging.Begin(kOtherReport, kMaxChunkBytes).ok());  // exactly the cap
  EXPECT_EQ(staging.Begin(kOtherReport, 1).status().code(), StatusCode::kResourceExhausted);
  staging.Abort(kReport, first);
  EXPECT_TRUE(staging.Begin(kOtherReport, 3 * kMaxChunkBytes).ok());
}

TEST_F(UploadStagingTest, OneReportHasAFewOpenUploadsAtMost) {
  UploadStaging staging(clock_, Small());
  ASSERT_TRUE(staging.Begin(kReport, 10).ok());
  ASSERT_TRUE(staging.Begin(kReport, 10).ok());
  EXPECT_EQ(staging.Begin(kReport, 10).status().code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(staging.Begin(kOtherReport, 10).ok());
  EXPECT_EQ(staging.AbortReport(kReport), 2u);
  EXPECT_TRUE(staging.Begin(kReport, 10).ok());
}

TEST_F(UploadStagingTest, IdleUploadsExpireAndFreeTheirBytes) {
  UploadStaging staging(clock_, Small());
  const std::string idle = *staging.Begin(kReport, 30);
  const std::string busy = *staging.Begin(kOtherReport, 30);
  clock_.Advance(400);
  ASSERT_TRUE(staging.Append(kOtherReport, busy, 0, Chunk(10, 'a')).ok());  // keeps `busy` alive
  clock_.Advance(300);  // `idle` has been idle 700 s, `busy` 300 s
  EXPECT_EQ(staging.Append(kReport, idle, 0, Chunk(10, 'a')).code(), StatusCode::kNotFound);
  EXPECT_EQ(staging.open_uploads(), 1u);
  EXPECT_EQ(staging.staged_bytes(), 30u);
  ASSERT_TRUE(staging.Append(kOtherReport, busy, 1, Chunk(20, 'b')).ok());
  clock_.Advance(601);
  EXPECT_EQ(staging.PurgeExpired(), 1u);
  EXPECT_EQ(staging.staged_bytes(), 0u);
}

}  // namespace
}  // namespace pillarbox::reporter
