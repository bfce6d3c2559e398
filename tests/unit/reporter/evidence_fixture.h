// Shared set-up of the evidence tests: a migrated database with one desk and
// two reports (each with a data key), the group-commit writer and a reader
// pool on it, and a fake EvidenceCleaner whose rules are easy to see:
//   "TEXT:..."  -> text/plain, kept as is;
//   "JPEG:..."  -> image/jpeg, every "GPS-SECRET" removed (reported as "gps");
//   "PDF:..."   -> application/pdf, kept, warned ("pdf_metadata_kept");
//   anything else -> InvalidArgument naming "file".
// Header-only.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "intake/evidence_cleaner.h"
#include "privacy/bytes.h"
#include "store/desk_repository.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"
#include "store/report_rows.h"
#include "support/manual_clock.h"
#include "support/sealed_report_fixture.h"
#include "support/temp_dir.h"
#include "unit/store/store_test_util.h"

namespace pillarbox::reporter::test {

class FakeEvidenceCleaner final : public intake::EvidenceCleaner {
 public:
  Result<intake::CleanedEvidence> Clean(std::span<const uint8_t> content) const override {
    const std::string text(content.begin(), content.end());
    intake::CleanedEvidence cleaned;
    if (text.rfind("TEXT:", 0) == 0) {
      cleaned = {"text/plain", "txt", {content.begin(), content.end()}, {}, {}};
    } else if (text.rfind("JPEG:", 0) == 0) {
      std::string kept = text;
      for (size_t at; (at = kept.find("GPS-SECRET")) != std::string::npos;) kept.erase(at, 10);
      cleaned = {"image/jpeg", "jpg", {kept.begin(), kept.end()}, {"exif", "gps"}, {}};
    } else if (text.rfind("PDF:", 0) == 0) {
      cleaned = {"application/pdf", "pdf", {content.begin(), content.end()}, {}, {"pdf_metadata_kept"}};
    } else {
      return Status::InvalidArgument("allowed: images, PDF, audio, plain text", "file");
    }
    return cleaned;
  }
};

// The whole file at `path` as bytes ("" when missing).
inline std::string FileBytes(const std::string& path) { return testing::ReadFileBytes(path); }

class EvidenceDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("evidence.db");
    {
      auto db = store::test::OpenMigratedDatabase(path_);
      ASSERT_NE(db, nullptr);
      ASSERT_TRUE(store::InsertDesk(*db, store::test::MakeDesk("voice", {"voice_cloning"})).ok());
      report_ = InsertReport(*db);
      other_report_ = InsertReport(*db);
    }
    auto writer_db = store::Database::Open(path_, store::OpenMode::kReadWrite);
    ASSERT_TRUE(writer_db.ok());
    writer_ =
        std::make_unique<store::GroupCommitWriter>(std::move(writer_db).value(), store::GroupCommitWriter::Options{});
    auto readers = store::ReaderPool::Open(path_, 2);
    ASSERT_TRUE(readers.ok());
    readers_ = std::move(readers).value();
    auto check = store::Database::Open(path_, store::OpenMode::kReadWrite);
    ASSERT_TRUE(check.ok());
    check_ = std::move(check).value();
  }

  void TearDown() override {
    if (writer_) writer_->Stop();
  }

  std::string InsertReport(store::Database& db) {
    intake::SealedReport report = testing::MakeSealedReport("voice");
    EXPECT_TRUE(store::InsertSealedReport(db, report).ok());
    data_keys_.emplace(report.id, privacy::SecretKey::Random());
    return report.id;
  }

  const privacy::SecretKey& KeyOf(const std::string& report_id) const { return data_keys_.at(report_id); }
  int64_t Count(const char* sql) { return store::test::QueryInt(*check_, sql); }

  testing::TempDir dir_;
  std::string path_;
  std::string report_;
  std::string other_report_;
  std::map<std::string, privacy::SecretKey> data_keys_;
  testing::ManualClock clock_;
  privacy::SecretKey audit_key_ = privacy::SecretKey::Random();
  FakeEvidenceCleaner cleaner_;
  std::unique_ptr<store::GroupCommitWriter> writer_;
  std::unique_ptr<store::ReaderPool> readers_;
  std::unique_ptr<store::Database> check_;
};

}  // namespace pillarbox::reporter::test
