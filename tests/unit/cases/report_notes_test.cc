#include "cases/report_notes.h"

#include <gtest/gtest.h>

#include "label_test_fixture.h"
#include "privacy/envelope.h"

namespace pillarbox::cases {
namespace {

class ReportNotesTest : public test::LabelTest {
 protected:
  void SetUp() override {
    test::LabelTest::SetUp();
    notes_ = std::make_unique<ReportNotes>(*writer_, *readers_, audit_key_, clock_);
  }
  std::unique_ptr<ReportNotes> notes_;
};

TEST_F(ReportNotesTest, NotesAreSealedAndListOldestFirst) {
  const auto session = VoiceReviewer();
  const std::string canary = "NOTE-CANARY-7f3a9c-the-manager-said";
  const auto first = notes_->Add(session, voice_report_, canary);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  clock_.Advance(60);
  ASSERT_TRUE(notes_->Add(session, voice_report_, "second note").ok());
  ASSERT_TRUE(notes_->Add(session, voice_report_, "third note, same second").ok());

  const auto listed = notes_->List(session, voice_report_);
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 3u);
  EXPECT_EQ((*listed)[0].body, std::optional<std::string>(canary));
  EXPECT_EQ((*listed)[0].author_username, "rev-voice");
  EXPECT_EQ((*listed)[0].created_at, clock_.NowUnixSeconds() - 60);
  EXPECT_EQ((*listed)[1].body, std::optional<std::string>("second note"));
  EXPECT_EQ((*listed)[2].body, std::optional<std::string>("third note, same second"));
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'report.note.added'"), 3);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'report.notes.viewed'"), 1);

  writer_->Stop();  // everything committed; fold the WAL into the file
  ASSERT_TRUE(check_->Checkpoint(store::CheckpointMode::kTruncate).ok());
  const std::string bytes = test::ReadFileBytes(path_) + test::ReadFileBytes(path_ + "-wal");
  EXPECT_EQ(bytes.find("NOTE-CANARY"), std::string::npos) << "a note is stored in clear";
  EXPECT_NE(bytes.find(first->id), std::string::npos) << "the scan does not see the stored rows";
}

TEST_F(ReportNotesTest, ANoteOpensWithTheDeskKeyOnlyNotTheReportKey) {
  const auto session = VoiceReviewer();
  ASSERT_TRUE(notes_->Add(session, voice_report_, "only for the desk").ok());
  auto stored = store::ListReportNotes(*check_, voice_report_);
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 1u);
  const store::SealedNoteRecord& note = (*stored)[0].note;
  EXPECT_EQ(note.desk_key_version, 1u);
  EXPECT_EQ(*OpenNote(note, voice_key_), "only for the desk");
  EXPECT_EQ(OpenNote(note, work_key_).status().code(), StatusCode::kDataLoss);
  // The report's own data key (which the reporter holds) does not open it.
  const privacy::SecretKey& report_key = data_keys_.at(voice_report_);
  EXPECT_FALSE(privacy::OpenField(report_key, {kReportNotesTable, note.id, "body", 1}, note.ciphertext).ok());
  // Nor does the note's ciphertext open as another note.
  store::SealedNoteRecord moved = note;
  moved.id = std::string(32, '0');
  EXPECT_EQ(OpenNote(moved, voice_key_).status().code(), StatusCode::kDataLoss);
}

TEST_F(ReportNotesTest, RefusalsStoreNothing) {
  EXPECT_EQ(notes_->Add(VoiceReviewer(), voice_report_, "").status().field(), "body");
  EXPECT_EQ(notes_->Add(VoiceReviewer(), voice_report_, std::string(10001, 'x')).status().field(), "body");
  EXPECT_EQ(notes_->Add(WorkReviewer(), voice_report_, "x").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(notes_->List(WorkReviewer(), voice_report_).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(notes_->Add(Partner(), voice_report_, "x").status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(notes_->List(Partner(), voice_report_).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Count("SELECT count(*) FROM report_notes"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log"), 0);
}

}  // namespace
}  // namespace pillarbox::cases
