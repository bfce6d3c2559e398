#include "reporter/evidence_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "evidence_fixture.h"
#include "privacy/envelope.h"
#include "reporter/evidence_sealer.h"
#include "store/evidence_rows.h"

namespace pillarbox::reporter {
namespace {

privacy::ByteView Text(const std::string& text) { return privacy::AsBytes(text); }

class EvidenceServiceTest : public test::EvidenceDatabaseTest {
 protected:
  void SetUp() override {
    test::EvidenceDatabaseTest::SetUp();
    MakeService({});
  }
  void MakeService(EvidenceService::Limits limits) {
    service_ = std::make_unique<EvidenceService>(*writer_, *readers_, cleaner_, audit_key_, clock_, limits);
  }
  int64_t StoredRows() {
    return Count("SELECT (SELECT count(*) FROM evidence_files) + (SELECT count(*) FROM evidence_chunks)");
  }
  std::unique_ptr<EvidenceService> service_;
};

TEST_F(EvidenceServiceTest, AttachCleansSealsAndListsAndOpens) {
  const std::string content = "JPEG:pixels GPS-SECRET more pixels";
  const auto added = service_->Attach(report_, KeyOf(report_), "wage decision.jpg", Text(content));
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(added->id.size(), 32u);
  EXPECT_EQ(added->created_day, "2024-06-15");
  EXPECT_EQ(added->meta.name, "wage decision.jpg");
  EXPECT_EQ(added->meta.media_type, "image/jpeg");
  EXPECT_EQ(added->meta.extension, "jpg");
  EXPECT_EQ(added->meta.size, content.size() - 10);
  EXPECT_EQ(added->meta.removed, (std::vector<std::string>{"exif", "gps"}));

  const auto listed = service_->List(report_, KeyOf(report_));
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].id, added->id);
  EXPECT_EQ((*listed)[0].meta, added->meta);

  const auto opened = service_->Open(report_, added->id, KeyOf(report_));
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(std::string(opened->content.bytes().begin(), opened->content.bytes().end()), "JPEG:pixels  more pixels");
  EXPECT_EQ(opened->summary.meta, added->meta);

  // A reporter's addition waits for the end of its day before it joins the
  // audit chain (audit/deferred_audit.h), dated by the day only (the clock says 12:00).
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_deferred WHERE action = 'evidence.added' AND actor = 'reporter'"), 1);
  EXPECT_EQ(store::test::QueryText(*check_, "SELECT detail FROM audit_deferred WHERE action = 'evidence.added'"),
            "file=" + added->id + ";chunks=1");
  EXPECT_EQ(Count("SELECT day_start FROM audit_deferred WHERE action = 'evidence.added'"),
            clock_.NowUnixSeconds() - 12 * 3600);
  EXPECT_EQ(service_->List(other_report_, KeyOf(other_report_))->size(), 0u);
}

TEST_F(EvidenceServiceTest, WrongKeyOrOtherReportCannotOpen) {
  const auto added = service_->Attach(report_, KeyOf(report_), "note.txt", Text("TEXT:hello"));
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(service_->Open(other_report_, added->id, KeyOf(other_report_)).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(service_->Open(report_, added->id, KeyOf(other_report_)).status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(service_->List(report_, KeyOf(other_report_)).status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(service_->Open(report_, "ffffffffffffffffffffffffffffffff", KeyOf(report_)).status().code(),
            StatusCode::kNotFound);
}

TEST_F(EvidenceServiceTest, SealedValuesAreBoundToTheirFile) {
  const std::string a = service_->Attach(report_, KeyOf(report_), "a.txt", Text("TEXT:aaa"))->id;
  const std::string b = service_->Attach(report_, KeyOf(report_), "b.txt", Text("TEXT:bbb"))->id;
  // Swap the sealed keys of a and b: neither opens any more.
  auto a_row = store::LoadEvidenceFile(*check_, report_, a);
  auto b_row = store::LoadEvidenceFile(*check_, report_, b);
  ASSERT_TRUE(a_row.ok() && b_row.ok() && a_row->has_value() && b_row->has_value());
  for (const auto& [id, key] : {std::pair{a, (*b_row)->sealed_key}, std::pair{b, (*a_row)->sealed_key}}) {
    auto update = check_->Prepare("UPDATE evidence_files SET sealed_key = ? WHERE id = ?");
    ASSERT_TRUE(update.ok());
    (*update)->BindBlob(1, key);
    (*update)->BindText(2, id);
    ASSERT_TRUE((*update)->Run().ok());
  }
  EXPECT_EQ(service_->Open(report_, a, KeyOf(report_)).status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(service_->Open(report_, b, KeyOf(report_)).status().code(), StatusCode::kDataLoss);
}

TEST_F(EvidenceServiceTest, DeletedChunkIsDataLoss) {
  std::string big = "TEXT:";
  big.resize(200'000, 'z');
  const auto added = service_->Attach(report_, KeyOf(report_), "big.txt", Text(big));
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(Count("SELECT count(*) FROM evidence_chunks"), 4);
  ASSERT_TRUE(check_->Execute("DELETE FROM evidence_chunks WHERE seq = 3").ok());
  EXPECT_EQ(service_->Open(report_, added->id, KeyOf(report_)).status().code(), StatusCode::kDataLoss);
}

TEST_F(EvidenceServiceTest, RefusalsStoreNothing) {
  EXPECT_EQ(service_->Attach(report_, KeyOf(report_), "", Text("TEXT:x")).status().field(), "name");
  EXPECT_EQ(service_->Attach(report_, KeyOf(report_), std::string(201, 'n'), Text("TEXT:x")).status().field(), "name");
  EXPECT_TRUE(service_->Attach(report_, KeyOf(report_), std::string(200, 'n'), Text("TEXT:x")).ok());
  EXPECT_EQ(service_->Attach(report_, KeyOf(report_), "tab\there", Text("TEXT:x")).status().field(), "name");
  EXPECT_EQ(service_->Attach(report_, KeyOf(report_), "bad \xff utf8", Text("TEXT:x")).status().field(), "name");
  const auto not_allowed = service_->Attach(report_, KeyOf(report_), "run.exe", Text("MZ program"));
  EXPECT_EQ(not_allowed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(not_allowed.status().field(), "file");
  EXPECT_EQ(service_->Attach("cccccccccccccccccccccccccccccccc", KeyOf(report_), "x.txt", Text("TEXT:x")).status().code(),
            StatusCode::kNotFound);
  MakeService({/*max_file_bytes=*/16, /*max_files_per_report=*/20});
  const auto too_big = service_->Attach(report_, KeyOf(report_), "x.txt", Text("TEXT:seventeen..."));
  EXPECT_EQ(too_big.status().code(), StatusCode::kPayloadTooLarge);
  EXPECT_EQ(too_big.status().field(), "file");
  EXPECT_EQ(StoredRows(), 2);  // only the one valid file: one row and one chunk
  EXPECT_EQ(Count("SELECT count(*) FROM audit_deferred"), 1);
}

TEST_F(EvidenceServiceTest, TwentyFirstFileIsRefusedWithNothingStored) {
  MakeService({1024, 20});
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(service_->Attach(report_, KeyOf(report_), "f.txt", Text("TEXT:" + std::to_string(i))).ok()) << i;
  }
  EXPECT_TRUE(service_->CheckRoom(other_report_).ok());
  EXPECT_EQ(service_->CheckRoom(report_).code(), StatusCode::kConflict);
  const auto refused = service_->Attach(report_, KeyOf(report_), "f.txt", Text("TEXT:21"));
  EXPECT_EQ(refused.status().code(), StatusCode::kConflict);
  EXPECT_EQ(refused.status().field(), "file");
  EXPECT_EQ(Count("SELECT count(*) FROM evidence_files"), 20);
  EXPECT_EQ(Count("SELECT count(*) FROM evidence_chunks"), 20);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_deferred WHERE action = 'evidence.added'"), 20);
  EXPECT_TRUE(service_->Attach(other_report_, KeyOf(other_report_), "f.txt", Text("TEXT:other")).ok());
}

TEST_F(EvidenceServiceTest, ConcurrentAttachesNeverExceedTheLimit) {
  MakeService({1024, 5});
  std::vector<std::thread> threads;
  std::atomic<int> accepted{0};
  for (int i = 0; i < 12; ++i) {
    threads.emplace_back([&, i] {
      if (service_->Attach(report_, KeyOf(report_), "f.txt", Text("TEXT:" + std::to_string(i))).ok()) ++accepted;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(accepted.load(), 5);
  EXPECT_EQ(Count("SELECT count(*) FROM evidence_files"), 5);
}

TEST_F(EvidenceServiceTest, NoPlaintextInTheRowsTheDatabaseFileOrItsWal) {
  const std::string canary = "EVIDENCE-CANARY-4b1d";
  std::string content = "TEXT:";
  while (content.size() < 300'000) content += canary + " the wage decision of the manager ";
  const std::string name = "NAME-CANARY-93ce.txt";
  const auto added = service_->Attach(report_, KeyOf(report_), name, Text(content));
  ASSERT_TRUE(added.ok());

  // The raw rows.
  std::string rows;
  auto select = check_->Prepare("SELECT sealed_key || sealed_meta || stream_header FROM evidence_files");
  while (*(*select)->Step()) {
    const auto blob = (*select)->ColumnBlob(0);
    rows.append(blob.begin(), blob.end());
  }
  (*select)->Reset();
  auto chunks = store::LoadEvidenceChunks(*check_, added->id);
  ASSERT_TRUE(chunks.ok());
  ASSERT_EQ(chunks->size(), 5u);
  for (const auto& chunk : *chunks) rows.append(chunk.begin(), chunk.end());
  EXPECT_EQ(rows.find("CANARY"), std::string::npos);
  EXPECT_EQ(rows.find("text/plain"), std::string::npos);

  // The database file and its WAL, right after the commit (pages are in the WAL) ...
  const std::string wal = test::FileBytes(path_ + "-wal");
  ASSERT_NE(wal.find(added->id), std::string::npos) << "the scan does not see the stored rows";
  EXPECT_EQ((test::FileBytes(path_) + wal).find("CANARY"), std::string::npos);
  // ... and after a checkpoint moved them into the database file.
  writer_->Stop();
  ASSERT_TRUE(check_->Checkpoint(store::CheckpointMode::kTruncate).ok());
  const std::string db = test::FileBytes(path_);
  ASSERT_NE(db.find(added->id), std::string::npos);
  EXPECT_EQ((db + test::FileBytes(path_ + "-wal")).find("CANARY"), std::string::npos);
}

TEST_F(EvidenceServiceTest, AThirtyMebibyteFileRoundTrips) {
  std::string content = "TEXT:";
  content.resize(30 * 1024 * 1024, 'q');
  const auto started = std::chrono::steady_clock::now();
  const auto added = service_->Attach(report_, KeyOf(report_), "big.txt", Text(content));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  RecordProperty("attach_30mib_seconds", std::to_string(seconds));
  std::printf("Attach of 30 MiB (clean + seal + store): %.3f s, %.1f MiB/s\n", seconds, 30 / seconds);
  const auto opened = service_->Open(report_, added->id, KeyOf(report_));
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->content.size(), content.size());
}

}  // namespace
}  // namespace pillarbox::reporter
