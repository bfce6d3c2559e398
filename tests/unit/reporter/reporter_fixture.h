// Shared set-up of the reporter unit tests: a migrated database with one desk
// (a real key pair), a questionnaire catalog with one small questionnaire,
// and reports sealed for real (intake::SealReport with a fresh receipt), so
// that signing in with the receipt unwraps the report's key as in
// production. The group-commit writer and a reader pool run on the database;
// a second connection checks stored rows. Header-only.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "intake/questionnaire_catalog.h"
#include "intake/report_sealer.h"
#include "intake/reporter_sessions.h"
#include "privacy/envelope.h"
#include "privacy/instance_secret.h"
#include "privacy/receipt.h"
#include "privacy/report_message.h"
#include "reporter/reporter_followup.h"
#include "store/desk_repository.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"
#include "store/report_key_envelope.h"
#include "store/report_message_repository.h"
#include "store/report_rows.h"
#include "store/user_repository.h"
#include "support/manual_clock.h"
#include "support/sealed_report_fixture.h"
#include "support/temp_dir.h"
#include "unit/store/store_test_util.h"

namespace pillarbox::reporter::test {

inline constexpr char kCanary[] = "FOLLOWUP-CANARY-7c41";

// voice_cloning: region, sector (clear enums), likeness_type (clear
// multi-enum), summary and narrative (sealed text), contact (optional sealed).
inline intake::Questionnaire VoiceQuestionnaire() {
  using intake::FieldType;
  using intake::Storage;
  intake::Questionnaire q;
  q.kind = "voice_cloning";
  q.title = "Voice or likeness cloned";
  q.fields = {
      {"region", "Where do you live?", "", FieldType::kEnum, Storage::kClear, true, 0, 0,
       {{"europe", "Europe"}, {"africa", "Africa"}}},
      {"sector", "Which sector?", "", FieldType::kEnum, Storage::kClear, true, 0, 0,
       {{"creative_media", "Creative work and media"}}},
      {"likeness_type", "What was cloned?", "", FieldType::kMultiEnum, Storage::kClear, false, 0, 2,
       {{"voice", "Your voice"}, {"face", "Your face"}}},
      {"summary", "In one sentence", "", FieldType::kShortText, Storage::kSealed, true, 200, 0, {}},
      {"narrative", "What happened?", "", FieldType::kLongText, Storage::kSealed, true, 5000, 0, {}},
      {"contact", "How can we reach you?", "", FieldType::kShortText, Storage::kSealed, false, 200, 0, {}},
  };
  return q;
}

// A report that is really sealed, with the receipt that opens it.
struct SealedFixtureReport {
  std::string id;
  privacy::Receipt receipt;
};

class ReporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("reporter.db");
    {
      auto db = store::test::OpenMigratedDatabase(path_);
      ASSERT_NE(db, nullptr);
      ASSERT_TRUE(store::InsertDesk(*db, {"voice", "Voice", 1, desk_key_.public_key, {"voice_cloning"}}).ok());
    }
    ASSERT_TRUE(catalog_.Add(VoiceQuestionnaire()).ok());
    store::test::StoreConnections connections = store::test::OpenStoreConnections(path_);
    ASSERT_NE(connections.check, nullptr);
    writer_ = std::move(connections.writer);
    readers_ = std::move(connections.readers);
    check_ = std::move(connections.check);
    followup_ = std::make_unique<ReporterFollowup>(*writer_, *readers_, keys_, sessions_, catalog_, clock_);
  }

  void TearDown() override {
    if (writer_) writer_->Stop();
  }

  // Seals a report holding kCanary in its narrative and stores it.
  SealedFixtureReport AddReport() {
    intake::Report report;
    report.kind = "voice_cloning";
    report.region = "europe";
    report.sector = "creative_media";
    report.clear_answers = {{"likeness_type", "face"}, {"likeness_type", "voice"}};
    report.sealed_answers = {{"summary", "my voice was cloned"},
                             {"narrative", std::string(kCanary) + " a bank called my mother"},
                             {"contact", ""}};
    SealedFixtureReport made{testing::RandomReportId(), privacy::Receipt::Generate()};
    const intake::DeskKey desk{"voice", 1, desk_key_.public_key};
    const intake::SealedReport sealed = intake::SealReport(report, made.id, "2024-06-01", desk, made.receipt, keys_);
    EXPECT_TRUE(store::InsertSealedReport(*check_, sealed).ok());
    return made;
  }

  // Signs in with `receipt` and returns the live session (fails the test otherwise).
  std::shared_ptr<const intake::ReporterSession> SignInWith(const privacy::Receipt& receipt) {
    auto signed_in = followup_->SignIn(receipt.Display());
    EXPECT_TRUE(signed_in.ok()) << signed_in.status().ToString();
    if (!signed_in.ok()) return nullptr;
    auto session = sessions_.Authenticate(signed_in->token);
    EXPECT_TRUE(session.ok());
    return session.ok() ? *session : nullptr;
  }

  // A reviewer account named `username`; returns its id.
  std::string AddReviewer(const std::string& username) {
    store::UserRecord user{testing::RandomReportId(), username, "reviewer", testing::RandomTestBytes(16),
                           testing::RandomTestBytes(32), 3, int64_t{1} << 28, testing::RandomTestBytes(32),
                           testing::RandomTestBytes(72), testing::RandomTestBytes(16), testing::RandomTestBytes(72),
                           testing::RandomTestBytes(60), false, "2024-05-17"};
    EXPECT_TRUE(store::InsertUser(*check_, user).ok());
    return user.id;
  }

  // Stores `body` as the next message of reviewer `user_id` on report
  // `report_id`, sealed under the report's key opened with the desk key (as
  // cases::ReportMessages does).
  void ReviewerSays(const std::string& report_id, const std::string& user_id, const std::string& body) {
    auto envelope = store::LoadReportKeyEnvelope(*check_, report_id);
    ASSERT_TRUE(envelope.ok() && envelope->has_value());
    auto data_key = privacy::OpenSealedKey(desk_key_, (*envelope)->desk_sealed_data_key);
    ASSERT_TRUE(data_key.ok());
    auto seq = store::NextMessageSeq(*check_, report_id);
    ASSERT_TRUE(seq.ok());
    const store::SealedMessageRecord message{report_id, *seq, "reviewer", user_id, "2024-06-10",
                                             privacy::SealReportMessage(*data_key, report_id, *seq, body)};
    ASSERT_TRUE(store::InsertReportMessage(*check_, message).ok());
  }

  int64_t Count(const char* sql) { return store::test::QueryInt(*check_, sql); }

  // Every byte of the database and its WAL.
  std::string StoredBytes() {
    std::string bytes;
    for (const std::string& file : {path_, path_ + "-wal"}) {
      std::ifstream in(file, std::ios::binary);
      bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return bytes;
  }

  testing::TempDir dir_;
  std::string path_;
  privacy::BoxKeyPair desk_key_ = privacy::BoxKeyPair::Generate();
  privacy::InstanceKeys keys_ = privacy::InstanceKeys::Derive(privacy::SecretKey::Random());
  intake::QuestionnaireCatalog catalog_;
  testing::ManualClock clock_;  // 2024-06-15 12:00:00 UTC
  intake::ReporterSessions sessions_{clock_, {}};
  std::unique_ptr<store::GroupCommitWriter> writer_;
  std::unique_ptr<store::ReaderPool> readers_;
  std::unique_ptr<store::Database> check_;  // sets up rows and checks stored ones
  std::unique_ptr<ReporterFollowup> followup_;
};

}  // namespace pillarbox::reporter::test
