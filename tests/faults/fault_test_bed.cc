#include "fault_test_bed.h"

#include <stdlib.h>

#include <filesystem>
#include <future>
#include <system_error>
#include <utility>
#include <vector>

#include "audit/audit_verification.h"
#include "common/embedded_file.h"
#include "fault_hooks.h"
#include "http/questionnaire_codec.h"
#include "intake/report_opener.h"
#include "privacy/envelope.h"
#include "privacy/receipt.h"
#include "store/database.h"
#include "store/desk_repository.h"
#include "store/migrations.h"
#include "store/report_rows.h"
#include "store/user_repository.h"
#include "integration/instance_inspector.h"
#include "support/sealed_report_fixture.h"
#include "support/session_user_row.h"

namespace pillarbox::testing {
namespace {

constexpr char kVoice[] = "voice_cloning";

// The answers of a valid workplace_ai_harm report, the canary in its free text.
intake::Submission ValidSubmission() {
  intake::Submission submission;
  submission.kind = "workplace_ai_harm";
  submission.answers = {{"summary", std::string("Pay set by an app ") + kCanary},
                        {"narrative", std::string("Our wages are now set by a model. ") + kCanary},
                        {"region", std::string("asia_oceania")},
                        {"sector", std::string("technology")},
                        {"organization", std::string("Example Systems")},
                        {"harm_types", std::vector<std::string>{"wage_setting", "surveillance"}}};
  return submission;
}

// A reviewer account of the voice desk (a row for the foreign keys, the
// desk's key pair in the session).
std::shared_ptr<accounts::Session> MakeReviewer(store::Database& db, const privacy::BoxKeyPair& desk_key) {
  accounts::UnlockedKeys keys{privacy::BoxKeyPair::Generate(), {}};
  keys.desk_keys.push_back({kVoice, 1, privacy::BoxKeyPair::FromSecretKey(desk_key.secret_key.Clone())});
  auto session = std::make_shared<accounts::Session>(
      accounts::Session{{RandomReportId(), "reviewer", "reviewer"}, std::move(keys), 0});
  const store::UserRecord user = pillarbox::testing::SessionUserRow(*session);
  if (!store::InsertUser(db, user).ok()) return nullptr;
  if (!store::InsertDeskMember(db, {kVoice, user.id, 1, {7}}).ok()) return nullptr;
  return session;
}

}  // namespace

FaultTestBed::FaultTestBed() : keys_(privacy::InstanceKeys::Derive(privacy::SecretKey::Random())) {
  InstallFaultHooks();
  std::string pattern = "/dev/shm/pillarbox-faults-XXXXXX";
  std::error_code error;
  if (std::filesystem::is_directory("/dev/shm", error) && mkdtemp(pattern.data()) != nullptr) memory_dir_ = pattern;
  path_ = (memory_dir_.empty() ? dir_.path() : memory_dir_) + "/pillarbox.db";
  status_ = Build();
}

FaultTestBed::~FaultTestBed() {
  purge_.reset();
  workflow_.reset();
  cases_.reset();
  intake_.reset();
  if (pipeline_) pipeline_->Drain();
  pipeline_.reset();
  readers_.reset();
  std::error_code error;
  if (!memory_dir_.empty()) std::filesystem::remove_all(memory_dir_, error);
}

Status FaultTestBed::Build() {
  PB_ASSIGN_OR_RETURN(auto db, store::Database::Open(path_, store::OpenMode::kReadWriteCreate));
  PB_RETURN_IF_ERROR(store::ApplyMigrations(*db, EmbeddedMigrations()));
  const privacy::BoxKeyPair voice_key = privacy::BoxKeyPair::Generate();
  PB_RETURN_IF_ERROR(store::InsertDesk(*db, {kVoice, "Voice", 1, voice_key.public_key, {"voice_cloning"}}));
  PB_RETURN_IF_ERROR(store::InsertDesk(
      *db, {"workplace", "Work", 1, privacy::BoxKeyPair::Generate().public_key, {"workplace_ai_harm"}}));
  reviewer_ = MakeReviewer(*db, voice_key);
  if (reviewer_ == nullptr) return Status::Internal("could not add the reviewer");
  PB_ASSIGN_OR_RETURN(desks_, store::SqliteDeskDirectory::Load(*db));
  PB_ASSIGN_OR_RETURN(auto catalog, http::LoadEmbeddedQuestionnaires());
  catalog_.emplace(std::move(catalog));
  PB_ASSIGN_OR_RETURN(pipeline_, app::StoragePipeline::Start(std::move(db), path_,
                                                             {.checkpoint_interval = std::chrono::hours(1)}));
  PB_ASSIGN_OR_RETURN(readers_, store::ReaderPool::Open(path_, 2));
  intake_ = std::make_unique<intake::IntakeService>(*catalog_, *desks_, keys_, pipeline_->report_store(), clock_);
  audit_ = std::make_unique<audit::AuditRecorder>(pipeline_->writer(), keys_.audit_key(), clock_);
  cases_ = std::make_unique<cases::CaseServices>(
      cases::CaseEnvironment{*readers_, pipeline_->writer(), *audit_, keys_.audit_key(), clock_});
  workflow_ = std::make_unique<cases::WorkflowService>(pipeline_->writer(), keys_.audit_key(), clock_);
  purge_ = std::make_unique<cases::RetentionPurge>(
      pipeline_->writer(), keys_.audit_key(), clock_, catalog_->Kinds(), [this] { return pipeline_->TruncateWal(); },
      nullptr, cases::RetentionPurge::Options{});
  return Status::Ok();
}

Result<std::string> FaultTestBed::SubmitReport() {
  std::promise<Result<std::string>> outcome;
  std::future<Result<std::string>> done = outcome.get_future();
  const Status queued =
      intake_->Submit(ValidSubmission(), [&outcome](Result<std::string> receipt) { outcome.set_value(receipt); });
  if (!queued.ok()) return queued;
  return done.get();
}

Result<std::string> FaultTestBed::OpenNarrative(const std::string& receipt_text) {
  static constexpr char kFindSql[] = "SELECT id, reporter_wrapped_data_key FROM reports WHERE lookup_id = ?";
  PB_ASSIGN_OR_RETURN(auto receipt, privacy::Receipt::Parse(receipt_text));
  PB_ASSIGN_OR_RETURN(auto db, store::Database::Open(path_, store::OpenMode::kReadOnly));
  PB_ASSIGN_OR_RETURN(store::Statement * find, db->Prepare(kFindSql));
  find->BindBlob(1, privacy::ReceiptLookupId(keys_.receipt_pepper(), receipt));
  PB_ASSIGN_OR_RETURN(bool found, find->Step());
  if (!found) return Status::NotFound("no report for this receipt");
  const std::string report_id = find->ColumnText(0);
  PB_ASSIGN_OR_RETURN(auto data_key,
                      intake::UnwrapReporterDataKey(find->ColumnBlob(1), report_id, receipt, keys_.receipt_pepper()));
  PB_ASSIGN_OR_RETURN(auto sealed, ReadSealedFields(*db, report_id));
  PB_ASSIGN_OR_RETURN(auto answers, intake::OpenSealedFields(sealed, report_id, data_key));
  for (const auto& answer : answers) {
    if (answer.field == "narrative") return answer.value;
  }
  return Status::DataLoss("the report has no narrative");
}

Result<std::string> FaultTestBed::CreateCase() {
  PB_ASSIGN_OR_RETURN(auto created,
                      cases_->editor.Create(*reviewer_, {kVoice, std::string("Case ") + kCanary, kCanary}));
  return created.id;
}

Status FaultTestBed::LinkReport(const std::string& case_id, const std::string& report_id) {
  return cases_->linker.AddReport(*reviewer_, case_id, report_id).status();
}

Status FaultTestBed::CloseReport(const std::string& report_id, int64_t revision) {
  return workflow_->ChangeStatus(*reviewer_, report_id, {"closed", "actioned", revision}).status();
}

Result<std::string> FaultTestBed::AddVoiceReport() {
  intake::SealedReport report = MakeSealedReport(kVoice);
  report.kind = "voice_cloning";
  report.received_day = UtcDay(clock_.NowUnixSeconds());
  PB_RETURN_IF_ERROR(pipeline_->writer().SubmitAndWait(
      [&report](store::Database& db) { return store::InsertSealedReport(db, report); }));
  return report.id;
}

Result<cases::PurgeCounts> FaultTestBed::Purge() { return purge_->Run(); }

int64_t FaultTestBed::Count(const std::string& sql, const std::string& param) const {
  auto db = store::Database::Open(path_, store::OpenMode::kReadOnly);
  if (!db.ok()) return -1;
  auto statement = (*db)->Prepare(sql.c_str());
  if (!statement.ok()) return -1;
  if (sql.find('?') != std::string::npos) (*statement)->BindText(1, param);
  auto row = (*statement)->Step();
  return row.ok() && *row ? (*statement)->ColumnInt64(0) : -1;
}

std::string FaultTestBed::IntegrityCheck() const {
  auto db = store::Database::Open(path_, store::OpenMode::kReadOnly);
  if (!db.ok()) return db.status().ToString();
  auto check = (*db)->Prepare("PRAGMA integrity_check");
  if (!check.ok()) return check.status().ToString();
  auto row = (*check)->Step();
  if (!row.ok()) return row.status().ToString();
  return *row ? (*check)->ColumnText(0) : std::string("no answer");
}

bool FaultTestBed::AuditChainVerifies() const {
  auto db = store::Database::Open(path_, store::OpenMode::kReadOnly);
  if (!db.ok()) return false;
  auto verification = audit::VerifyAuditLog(**db, keys_.audit_key());
  return verification.ok() && verification->ok;
}

bool FaultTestBed::CanaryOnDisk() const {
  for (const char* suffix : {"", "-wal", "-journal", "-shm"}) {
    if (ReadFileBytes(path_ + suffix).find(kCanary) != std::string::npos) return true;
  }
  return false;
}

Status FaultTestBed::Checkpoint() { return pipeline_->TruncateWal(); }

}  // namespace pillarbox::testing
