// FaultTestBed: a Pillarbox instance assembled in this process the way
// `pillarbox serve` assembles it (StoragePipeline with its group-commit
// writer and SqliteReportStore, SqliteDeskDirectory, IntakeService,
// CaseServices, WorkflowService, RetentionPurge), on a migrated database in
// a temporary folder with two desks, so that the fault loops drive the real
// code paths through the fault hooks (fault_hooks.h). The WAL checkpointer
// runs only when asked (its interval is an hour), so that no background
// thread touches SQLite while a fault is armed. The database lives in
// /dev/shm when the machine has it: the loops test how SQLite and Pillarbox
// handle failed calls, not the disk, and a real fsync per commit would make
// them ten times slower.
//
// Thread-compatible: one test thread drives it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "accounts/session_store.h"
#include "app/storage_pipeline.h"
#include "audit/audit_recorder.h"
#include "cases/case_services.h"
#include "cases/retention_purge.h"
#include "cases/workflow_service.h"
#include "common/status.h"
#include "intake/intake_service.h"
#include "intake/questionnaire_catalog.h"
#include "privacy/instance_secret.h"
#include "store/reader_pool.h"
#include "store/sqlite_desk_directory.h"
#include "support/manual_clock.h"
#include "support/temp_dir.h"

namespace pillarbox::testing {

// A canary in every free-text field the loops submit; it must never reach
// the database files in clear.
inline constexpr char kCanary[] = "FAULT-CANARY-7d3e91 plaintext";

class FaultTestBed {
 public:
  // Installs the fault hooks and builds the instance; `ok()` says whether it worked.
  FaultTestBed();
  ~FaultTestBed();

  const Status& status() const { return status_; }

  // Submits a valid workplace_ai_harm report through IntakeService (the
  // handler's path) with the canary in its free text, and waits for the
  // writer: the receipt, or the error Submit returned or `done` was given.
  Result<std::string> SubmitReport();
  // The report's answers opened with `receipt` (the reporter's way in);
  // NotFound when no report has that receipt.
  Result<std::string> OpenNarrative(const std::string& receipt);

  // A new case on the voice desk by the reviewer (title with the canary).
  Result<std::string> CreateCase();
  // Links report `report_id` to case `case_id`.
  Status LinkReport(const std::string& case_id, const std::string& report_id);
  // Closes report `report_id` ("actioned") at `revision`.
  Status CloseReport(const std::string& report_id, int64_t revision);
  // Stores a voice_cloning report directly (for edits and purges); its id.
  Result<std::string> AddVoiceReport();
  // Runs the retention purge once as of the clock's day.
  Result<cases::PurgeCounts> Purge();

  // The integer answer of `sql` with an optional text parameter, on a fresh
  // connection (-1 when it cannot be read).
  int64_t Count(const std::string& sql, const std::string& param = "") const;
  // PRAGMA integrity_check's first row ("ok" when sound), fresh connection.
  std::string IntegrityCheck() const;
  // True when the audit chain verifies (fresh connection).
  bool AuditChainVerifies() const;
  // True when the canary is in the database, its WAL, journal or shm file.
  bool CanaryOnDisk() const;
  // A TRUNCATE checkpoint (between iterations, faults disarmed).
  Status Checkpoint();

  ManualClock& clock() { return clock_; }
  const std::string& database_path() const { return path_; }

 private:
  Status Build();

  TempDir dir_;          // the fallback folder
  std::string memory_dir_;  // a folder in /dev/shm when there is one ("" otherwise)
  std::string path_;
  Status status_ = Status::Ok();
  ManualClock clock_;
  privacy::InstanceKeys keys_;
  std::optional<intake::QuestionnaireCatalog> catalog_;
  std::unique_ptr<app::StoragePipeline> pipeline_;
  std::unique_ptr<store::ReaderPool> readers_;
  std::unique_ptr<store::SqliteDeskDirectory> desks_;
  std::unique_ptr<intake::IntakeService> intake_;
  std::unique_ptr<audit::AuditRecorder> audit_;
  std::unique_ptr<cases::CaseServices> cases_;
  std::unique_ptr<cases::WorkflowService> workflow_;
  std::unique_ptr<cases::RetentionPurge> purge_;
  std::shared_ptr<accounts::Session> reviewer_;
};

}  // namespace pillarbox::testing
