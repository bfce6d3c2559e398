// DeskKeyRotationJob: rotates a desk's key on an admin's request and re-seals
// every record of the desk (reports, report notes, cases) to the current key
// version on a background thread, then retires the old versions nobody uses
// (their sealed copies leave desk_members: a removed member's copy of an old
// key then opens nothing in the database).
//
// The job holds the old versions' secret keys, unsealed from the admin's
// membership when it starts, in locked memory (privacy::SecretKey) and wipes
// them when it ends or the service stops. It works in batches
// (accounts/desk_key_reseal.h), one writer operation each; its progress is
// the data itself (records on old versions), so a job cut short by a stop or
// kill -9 simply continues when it is started again. Audited
// "desk.key.reseal.started" and "desk.key.reseal.finished" (counts and an
// outcome, never content), "desk.key.retired" per retired version.
// Thread-safe; Start and Progress block for a few reads and commits (call
// from worker threads).
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "accounts/session_store.h"
#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"
#include "store/sqlite_desk_directory.h"

namespace pillarbox::accounts {

// A version of a desk key older than the current one.
struct OldKeyVersion {
  uint32_t key_version = 1;
  int64_t records = 0;                     // records still sealed to it
  int64_t sealed_copies = 0;  // members' copies left in desk_members
  bool retired = false;       // no record and no copy left: nobody can unseal it from the database
};

// Where a desk's rotation stands, read from the data.
struct RotationProgress {
  std::string desk_id;
  uint32_t current_version = 1;
  int64_t records_on_old_versions = 0;
  int64_t unreadable_records = 0;  // sealed to a version no member holds a copy of (should be 0)
  bool running = false;            // a re-seal job of this desk runs in this process
  std::vector<OldKeyVersion> old_versions;  // oldest first
};

class DeskKeyRotationJob {
 public:
  struct Options {
    int64_t batch_size = 200;  // records re-sealed per writer operation
  };

  // References must outlive the object.
  DeskKeyRotationJob(store::GroupCommitWriter& writer, store::ReaderPool& readers,
                     store::SqliteDeskDirectory& directory, const privacy::SecretKey& audit_key, const Clock& clock,
                     Options options);
  // Stop()s.
  ~DeskKeyRotationJob();
  DeskKeyRotationJob(const DeskKeyRotationJob&) = delete;
  DeskKeyRotationJob& operator=(const DeskKeyRotationJob&) = delete;

  // With `new_version`, first rotates the key of `desk_id` (RotateDeskKey,
  // audited "desk.key.rotated") and makes it the key of future reports; then
  // starts the re-seal job of the desk unless one runs already, and returns
  // the progress. PermissionDenied unless `admin` is an admin; NotFound when
  // the desk does not exist or the admin holds none of its keys; Conflict
  // when `new_version` is asked while a job of the desk runs, or the desk has
  // no enabled member; Unavailable after Stop().
  Result<RotationProgress> Start(const Session& admin, const std::string& desk_id, bool new_version);

  // The progress of `desk_id`. Same refusals as Start (but for Conflict and
  // Unavailable).
  Result<RotationProgress> Progress(const Session& admin, const std::string& desk_id);

  // Asks every running job to stop after its current batch, waits for them,
  // and refuses new ones. Call before the writer stops. Idempotent.
  void Stop();

 private:
  struct Job;
  Status CheckAdminOfDesk(const Session& admin, const std::string& desk_id);
  Result<RotationProgress> ReadProgress(const std::string& desk_id);
  Result<std::unique_ptr<Job>> PrepareJob(const Session& admin, const std::string& desk_id);
  void Run(Job& job);
  void ReapFinishedLocked();

  store::GroupCommitWriter& writer_;
  store::ReaderPool& readers_;
  store::SqliteDeskDirectory& directory_;
  const privacy::SecretKey& audit_key_;
  const Clock& clock_;
  const Options options_;
  std::mutex mutex_;  // guards jobs_ and stopping_; held by Start throughout
  std::map<std::string, std::unique_ptr<Job>> jobs_;
  bool stopping_ = false;
};

}  // namespace pillarbox::accounts
