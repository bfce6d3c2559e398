// The retention purge end to end on a database FILE: real sealed reports,
// the workflow closing them (closed_day), cases open, closed and on legal
// hold, evidence files and bundles; the clock moved past the policy; then
// rows, audit entries and the raw bytes of pillarbox.db and its WAL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <vector>

#include "case_test_fixture.h"
#include "cases/retention_purge.h"
#include "cases/retention_settings.h"
#include "cases/workflow_service.h"
#include "intake/report_sealer.h"
#include "privacy/instance_secret.h"
#include "privacy/receipt.h"

namespace pillarbox::cases::test {
namespace {

constexpr int64_t kDay = 24 * 60 * 60;

class RetentionPurgeTest : public CaseServicesTest {
 protected:
  void SetUp() override {
    CaseServicesTest::SetUp();
    workflow_ = std::make_unique<WorkflowService>(*writer_, audit_key_, clock_);
    auto checkpoint = store::Database::Open(path(), store::OpenMode::kReadWrite);
    ASSERT_TRUE(checkpoint.ok());
    checkpoint_ = std::move(*checkpoint);
    purge_ = std::make_unique<RetentionPurge>(
        *writer_, audit_key_, clock_, std::vector<std::string>{"voice_cloning", "workplace_ai_harm"},
        [this] {
          truncate_status_ = checkpoint_->Checkpoint(store::CheckpointMode::kTruncate);
          return truncate_status_;
        },
        [this](const std::vector<std::string>& ids) { told_.insert(told_.end(), ids.begin(), ids.end()); },
        RetentionPurge::Options{.batch_size = 2});  // small batches: several ops per kind
  }

  void TearDown() override {
    purge_.reset();
    CaseServicesTest::TearDown();
  }

  // A report of `kind` sealed for real (its narrative carries a canary),
  // received today; returns it as stored.
  intake::SealedReport SubmitReport(const std::string& kind = "voice_cloning") {
    intake::Report report;
    report.kind = kind;
    report.region = "europe";
    report.sector = "finance";
    report.sealed_answers = {{"narrative", "RETENTION-CANARY-5b1e my employer cloned my voice"}};
    const privacy::BoxKeyPair& key = kind == "voice_cloning" ? voice_key_ : work_key_;
    const intake::DeskKey desk{kind == "voice_cloning" ? kVoice : kWork, 1, key.public_key};
    intake::SealedReport sealed = intake::SealReport(report, pillarbox::testing::RandomReportId(),
                                                     UtcDay(clock_.NowUnixSeconds()), desk,
                                                     privacy::Receipt::Generate(), keys_);
    sealed.blind_indexes.push_back({"organization", pillarbox::testing::RandomTestBytes(32)});
    EXPECT_TRUE(Write([&sealed](store::Database& db) { return store::InsertSealedReport(db, sealed); }).ok());
    return sealed;
  }

  // An evidence file of `report_id` with one chunk of random ciphertext; returns the chunk.
  std::vector<uint8_t> AttachEvidence(const std::string& report_id) {
    const std::vector<uint8_t> chunk = pillarbox::testing::RandomTestBytes(96);
    const std::string file_id = pillarbox::testing::RandomReportId();
    EXPECT_TRUE(Write([&](store::Database& db) -> Status {
                  static constexpr char kFileSql[] =
                      "INSERT INTO evidence_files (id, report_id, created_day, sealed_key, sealed_meta, "
                      "stream_header, chunk_count) VALUES (?, ?, '2024-06-15', x'01', x'02', zeroblob(24), 1)";
                  static constexpr char kChunkSql[] =
                      "INSERT INTO evidence_chunks (file_id, seq, ciphertext) VALUES (?, 0, ?)";
                  PB_ASSIGN_OR_RETURN(store::Statement * file, db.Prepare(kFileSql));
                  file->BindText(1, file_id);
                  file->BindText(2, report_id);
                  PB_RETURN_IF_ERROR(file->Run());
                  PB_ASSIGN_OR_RETURN(store::Statement * insert, db.Prepare(kChunkSql));
                  insert->BindText(1, file_id);
                  insert->BindBlob(2, chunk);
                  return insert->Run();
                }).ok());
    return chunk;
  }

  // A ready bundle of `case_id` created today, with one chunk; returns its id.
  std::string AddBundle(const std::string& case_id) {
    const std::string id = pillarbox::testing::RandomReportId();
    const std::string organization = pillarbox::testing::RandomReportId();
    const std::string day = UtcDay(clock_.NowUnixSeconds());
    EXPECT_TRUE(Write([&](store::Database& db) -> Status {
                  static constexpr char kOrganizationSql[] =
                      "INSERT INTO organizations (id, name, public_key, created_day, created_by) "
                      "VALUES (?1, ?1, zeroblob(32), ?2, ?3)";
                  static constexpr char kBundleSql[] =
                      "INSERT INTO bundles (id, case_id, organization_id, created_day, created_by, size, state) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, 3, 'ready')";
                  static constexpr char kChunkSql[] = "INSERT INTO bundle_chunks (bundle_id, seq, bytes) VALUES (?, 0, x'aabbcc')";
                  PB_ASSIGN_OR_RETURN(store::Statement * org, db.Prepare(kOrganizationSql));
                  org->BindText(1, organization);
                  org->BindText(2, day);
                  org->BindText(3, both_->identity.user_id);
                  PB_RETURN_IF_ERROR(org->Run());
                  PB_ASSIGN_OR_RETURN(store::Statement * bundle, db.Prepare(kBundleSql));
                  bundle->BindText(1, id);
                  bundle->BindText(2, case_id);
                  bundle->BindText(3, organization);
                  bundle->BindText(4, day);
                  bundle->BindText(5, both_->identity.user_id);
                  PB_RETURN_IF_ERROR(bundle->Run());
                  PB_ASSIGN_OR_RETURN(store::Statement * chunk, db.Prepare(kChunkSql));
                  chunk->BindText(1, id);
                  return chunk->Run();
                }).ok());
    return id;
  }

  void Close(const accounts::Session& session, const std::string& report_id) {
    auto closed = workflow_->ChangeStatus(session, report_id, {"closed", "actioned", Revision(report_id)});
    ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  }

  int64_t Revision(const std::string& report_id) {
    return Count("SELECT revision FROM reports WHERE id = ?", report_id);
  }

  void CloseCase(const accounts::Session& session, const std::string& case_id) {
    CaseUpdate update;
    update.revision = Count("SELECT revision FROM cases WHERE id = ?", case_id);
    update.status = "closed";
    ASSERT_TRUE(services_->editor.Update(session, case_id, update).ok());
  }

  void Link(const std::string& case_id, const std::string& report_id) {
    ASSERT_TRUE(services_->linker.AddReport(*alice_, case_id, report_id).ok());
  }

  // Rows naming `report_id` in every table with a report_id column, plus its
  // evidence chunks; 0 when the report is gone entirely.
  int64_t RowsOf(const std::string& report_id) {
    int64_t rows = Count("SELECT count(*) FROM reports WHERE id = ?", report_id);
    for (const char* sql :
         {"SELECT count(*) FROM report_fields WHERE report_id = ?",
          "SELECT count(*) FROM report_clear_answers WHERE report_id = ?",
          "SELECT count(*) FROM report_blind_indexes WHERE report_id = ?",
          "SELECT count(*) FROM evidence_files WHERE report_id = ?",
          "SELECT count(*) FROM evidence_chunks WHERE file_id IN (SELECT id FROM evidence_files WHERE report_id = ?)",
          "SELECT count(*) FROM case_reports WHERE report_id = ?"}) {
      rows += Count(sql, report_id);
    }
    return rows;
  }

  static std::string AsText(const std::vector<uint8_t>& bytes) { return std::string(bytes.begin(), bytes.end()); }

  // The report's ciphertexts and keys, each a byte string that only this report stores.
  static std::vector<std::string> CanariesOf(const intake::SealedReport& report, const std::vector<uint8_t>& chunk) {
    std::vector<std::string> canaries = {AsText(report.desk_sealed_data_key), AsText(report.lookup_id),
                                         AsText(report.reporter_wrapped_data_key), AsText(chunk)};
    for (const auto& field : report.sealed_fields) canaries.push_back(AsText(field.ciphertext));
    return canaries;
  }

  privacy::InstanceKeys keys_ = privacy::InstanceKeys::Derive(privacy::SecretKey::Random());
  std::unique_ptr<WorkflowService> workflow_;
  std::unique_ptr<store::Database> checkpoint_;
  std::unique_ptr<RetentionPurge> purge_;
  Status truncate_status_ = Status::Internal("not run");
  std::vector<std::string> told_;
};

TEST_F(RetentionPurgeTest, PurgesDueReportsCasesAndBundlesAndKeepsHeldAndOpenOnes) {
  // Closed alone: due after 180 days. Closed in a held case, or in an open
  // case: kept. Closed in a closed case: due (the case is not held). Open: kept.
  const intake::SealedReport lone = SubmitReport();
  const std::vector<uint8_t> lone_chunk = AttachEvidence(lone.id);
  const intake::SealedReport held = SubmitReport();
  const std::vector<uint8_t> held_chunk = AttachEvidence(held.id);
  const intake::SealedReport in_open_case = SubmitReport();
  const intake::SealedReport in_closed_case = SubmitReport();
  const intake::SealedReport still_new = SubmitReport();
  const intake::SealedReport work = SubmitReport("workplace_ai_harm");
  for (const auto* report : {&lone, &held, &in_open_case, &in_closed_case}) Close(*alice_, report->id);
  Close(*bob_, work.id);
  EXPECT_EQ(Text("SELECT closed_day FROM reports WHERE id = ?", lone.id), "2024-06-15");
  EXPECT_EQ(Text("SELECT closed_day FROM reports WHERE id = ?", still_new.id), "");

  const std::string hold_case = CreateCase(*alice_, kVoice, "Held");
  const std::string open_case = CreateCase(*alice_, kVoice, "Open");
  const std::string closed_case = CreateCase(*alice_, kVoice, "Closed");
  Link(hold_case, held.id);
  Link(open_case, in_open_case.id);
  Link(closed_case, in_closed_case.id);
  CloseCase(*alice_, hold_case);
  CloseCase(*alice_, closed_case);
  ASSERT_TRUE(services_->hold.Set(*alice_, hold_case, true).ok());
  const std::string bundle = AddBundle(closed_case);
  // The workplace kind keeps closed reports for a year.
  RetentionSettings settings(*readers_, *writer_, audit_key_, clock_, {"voice_cloning", "workplace_ai_harm"});
  RetentionPolicyChange change;
  change.policies.push_back({"workplace_ai_harm", 365, false, std::nullopt});
  ASSERT_TRUE(settings.Update(*both_, change).ok());

  // The canaries are found before the purge, so their absence afterwards means something.
  const std::string before = DatabaseBytes();
  for (const std::string& canary : CanariesOf(lone, lone_chunk)) {
    ASSERT_NE(before.find(canary), std::string::npos) << "the scan cannot see a stored ciphertext";
  }

  clock_.Advance(179 * kDay);  // 2024-12-11: closed_day + 180 is tomorrow
  auto early = purge_->Run();
  ASSERT_TRUE(early.ok()) << early.status().ToString();
  EXPECT_EQ(early->reports, 0);
  EXPECT_EQ(early->bundles, 1) << "a bundle is due 30 days after its creation";
  EXPECT_EQ(Count("SELECT count(*) FROM bundles WHERE id = ?", bundle), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM bundle_chunks WHERE bundle_id = ?", bundle), 0);

  clock_.Advance(kDay);  // 2024-12-12 = 2024-06-15 + 180
  auto counts = purge_->Run();
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->day, "2024-12-12");
  EXPECT_EQ(counts->reports, 2);
  EXPECT_EQ(counts->cases, 0) << "cases are kept for 730 days";
  EXPECT_EQ(RowsOf(lone.id), 0);
  EXPECT_EQ(RowsOf(in_closed_case.id), 0);
  EXPECT_GT(RowsOf(held.id), 0) << "a report in a case on legal hold is never purged";
  EXPECT_GT(RowsOf(in_open_case.id), 0) << "a report in an open case is never purged";
  EXPECT_GT(RowsOf(still_new.id), 0);
  EXPECT_GT(RowsOf(work.id), 0) << "its kind keeps closed reports for 365 days";
  EXPECT_EQ(Count("SELECT count(*) FROM cases"), 3);
  EXPECT_THAT(told_, ::testing::UnorderedElementsAre(lone.id, in_closed_case.id));

  // Audit: one entry per purged object, ids and closed values only.
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'retention.purged' AND object_type = 'report' "
                  "AND actor = 'system' AND detail = 'kind=voice_cloning;rule=closed' AND object_id = ?",
                  lone.id),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'retention.purged' AND object_id = ?",
                  in_closed_case.id),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'retention.purged'"), 3);  // + the bundle
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'retention.purge.finished' "
                  "AND detail = 'reports=2;cases=0;bundles=0'"),
            1);

  // The shredded bytes are gone from the database file and from its WAL.
  ASSERT_TRUE(truncate_status_.ok()) << truncate_status_.ToString();
  const std::string after = DatabaseBytes();
  for (const std::string& canary : CanariesOf(lone, lone_chunk)) {
    EXPECT_EQ(after.find(canary), std::string::npos) << "bytes of a purged report remain";
  }
  for (const std::string& canary : CanariesOf(held, held_chunk)) {
    EXPECT_NE(after.find(canary), std::string::npos) << "the held report's bytes should still be there";
  }
  EXPECT_EQ(pillarbox::testing::ReadFileBytes(path() + "-wal").size(), 0u) << "the WAL is truncated";

  // The last purge is recorded for GET /api/v1/settings/retention.
  auto policy = settings.Get(*alice_);
  ASSERT_TRUE(policy.ok());
  ASSERT_TRUE(policy->last_purge.has_value());
  EXPECT_EQ(*policy->last_purge, (PurgeCounts{"2024-12-12", 2, 0, 0}));
}

TEST_F(RetentionPurgeTest, ClosedCasesGoAfterTheirPeriodUnlessHeldAndReleasedHoldsLetThemGo) {
  const intake::SealedReport held = SubmitReport();
  const std::string hold_case = CreateCase(*alice_, kVoice, "Held");
  const std::string closed_case = CreateCase(*alice_, kVoice, "Closed");
  const std::string open_case = CreateCase(*alice_, kVoice, "Open");
  Link(hold_case, held.id);
  Close(*alice_, held.id);
  CloseCase(*alice_, hold_case);
  CloseCase(*alice_, closed_case);
  ASSERT_TRUE(services_->notebook.Add(*alice_, closed_case, "a note").ok());
  ASSERT_TRUE(services_->hold.Set(*alice_, hold_case, true).ok());
  EXPECT_EQ(Text("SELECT closed_day FROM cases WHERE id = ?", closed_case), "2024-06-15");

  clock_.Advance(730 * kDay);
  auto counts = purge_->Run();
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->cases, 1);
  EXPECT_EQ(counts->reports, 0);
  EXPECT_EQ(Count("SELECT count(*) FROM cases WHERE id = ?", closed_case), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM case_notes WHERE case_id = ?", closed_case), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM case_events WHERE case_id = ?", closed_case), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM case_fields WHERE case_id = ?", closed_case), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM cases WHERE id = ?", hold_case), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM cases WHERE id = ?", open_case), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM reports WHERE id = ?", held.id), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'retention.purged' AND object_type = 'case' "
                  "AND object_id = ? AND detail = 'bundles=0'",
                  closed_case),
            1);

  // Released: the case and its report go on the next run.
  ASSERT_TRUE(services_->hold.Set(*alice_, hold_case, false).ok());
  auto next = purge_->Run();
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(next->reports, 1);
  EXPECT_EQ(next->cases, 1);
  EXPECT_EQ(Count("SELECT count(*) FROM cases WHERE id = ?", hold_case), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM reports WHERE id = ?", held.id), 0);
}

TEST_F(RetentionPurgeTest, MaximumAgeDeletesWhateverTheStatusButNeverHeldOrOpenCaseReports) {
  RetentionSettings settings(*readers_, *writer_, audit_key_, clock_, {"voice_cloning", "workplace_ai_harm"});
  RetentionPolicyChange change;
  change.policies.push_back({"voice_cloning", std::nullopt, true, 30});
  ASSERT_TRUE(settings.Update(*both_, change).ok());
  std::vector<std::string> fresh;
  for (int i = 0; i < 5; ++i) fresh.push_back(SubmitReport().id);  // more than one batch of 2
  const intake::SealedReport in_open_case = SubmitReport();
  Link(CreateCase(*alice_, kVoice), in_open_case.id);
  const intake::SealedReport other_kind = SubmitReport("workplace_ai_harm");
  clock_.Advance(29 * kDay);
  const intake::SealedReport younger = SubmitReport();

  clock_.Advance(kDay);  // 30 days after the first ones
  auto counts = purge_->Run();
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->reports, 5);
  for (const std::string& id : fresh) EXPECT_EQ(RowsOf(id), 0);
  EXPECT_GT(RowsOf(in_open_case.id), 0);
  EXPECT_GT(RowsOf(other_kind.id), 0);
  EXPECT_GT(RowsOf(younger.id), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'retention.purged' "
                  "AND detail = 'kind=voice_cloning;rule=max_age'"),
            5);
}

TEST_F(RetentionPurgeTest, ReopeningClearsClosedDayAndProtectsTheReport) {
  const intake::SealedReport report = SubmitReport();
  Close(*alice_, report.id);
  ASSERT_TRUE(workflow_->ChangeStatus(*alice_, report.id, {"in_review", "", Revision(report.id)}).ok());
  EXPECT_EQ(Text("SELECT closed_day FROM reports WHERE id = ?", report.id), "");
  clock_.Advance(400 * kDay);
  auto counts = purge_->Run();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->reports, 0);
  Close(*alice_, report.id);
  EXPECT_EQ(Text("SELECT closed_day FROM reports WHERE id = ?", report.id), "2025-07-20");
}

TEST_F(RetentionPurgeTest, ACancelledPurgeStopsBeforeItsNextBatchAndRecordsNothing) {
  const intake::SealedReport report = SubmitReport();
  Close(*alice_, report.id);
  clock_.Advance(180 * kDay);
  std::atomic<bool> cancel{true};
  auto counts = purge_->Run(&cancel);
  EXPECT_EQ(counts.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(Count("SELECT count(*) FROM reports WHERE id = ?", report.id), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM settings WHERE key = 'retention.last_purge'"), 0);
}

}  // namespace
}  // namespace pillarbox::cases::test
