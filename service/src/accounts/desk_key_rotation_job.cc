#include "accounts/desk_key_rotation_job.h"

#include <chrono>

#include <spdlog/spdlog.h>

#include "accounts/desk_key_access.h"
#include "accounts/desk_key_reseal.h"
#include "accounts/desk_key_rotation.h"
#include "audit/audit_log.h"
#include "common/metrics.h"
#include "store/desk_key_reseal_rows.h"
#include "store/desk_repository.h"

namespace pillarbox::accounts {

struct DeskKeyRotationJob::Job {
  std::string desk_id;
  std::string actor_user_id;
  uint32_t target_version = 1;
  privacy::BoxPublicKey target_key;
  std::vector<UnlockedDeskKey> old_keys;  // wiped when the job ends
  std::atomic<bool> stop{false};
  std::atomic<bool> done{false};
  std::thread thread;
};

namespace {

// The desk's current key, or nullopt when there is no such desk.
Result<std::optional<store::DeskRecord>> CurrentDesk(store::Database& db, const std::string& desk_id) {
  PB_ASSIGN_OR_RETURN(std::vector<store::DeskRecord> desks, store::ListDesks(db));
  for (store::DeskRecord& desk : desks) {
    if (desk.id == desk_id) return std::optional<store::DeskRecord>(std::move(desk));
  }
  return std::optional<store::DeskRecord>();
}

// The writer operation of one batch: sets `changed`.
Status WriteBatch(store::Database& db, const std::vector<ResealedKey>& keys, uint32_t target_version,
                  int64_t& changed) {
  PB_ASSIGN_OR_RETURN(changed, ApplyResealBatch(db, keys, target_version));
  return Status::Ok();
}

// The next batch of the job's pass, read and re-sealed on a reader; nullopt
// when the desk's key was rotated again since the job started.
Result<std::optional<ResealBatch>> NextBatch(store::ReaderPool& readers, const std::string& desk_id,
                                             uint32_t target_version, const privacy::BoxPublicKey& target_key,
                                             const std::vector<UnlockedDeskKey>& old_keys, ResealCursor& cursor,
                                             int64_t batch_size) {
  auto lease = readers.Acquire();
  PB_ASSIGN_OR_RETURN(const auto desk, CurrentDesk(lease.db(), desk_id));
  if (!desk.has_value()) return Status::NotFound("no such desk");
  if (desk->key_version != target_version) return std::optional<ResealBatch>();
  PB_ASSIGN_OR_RETURN(ResealBatch batch,
                      PrepareResealBatch(lease.db(), desk_id, target_version, target_key, old_keys, cursor, batch_size));
  return std::optional<ResealBatch>(std::move(batch));
}

// Counts of one run of the job, for its final audit entry and log line.
struct RunCounts {
  int64_t resealed = 0;
  int64_t skipped = 0;
  size_t retired = 0;
  std::string outcome = "done";  // done, stopped, superseded, failed
};

// The writer operation that ends a run: retires unused versions (when the
// pass completed) and appends "desk.key.reseal.finished".
Status FinishRun(store::Database& db, const std::string& actor, const std::string& desk_id, uint32_t target_version,
                 bool retire, RunCounts& counts, const privacy::SecretKey& audit_key, const Clock& clock) {
  if (retire) {
    PB_ASSIGN_OR_RETURN(const auto retired,
                        RetireUnusedDeskKeyVersions(db, actor, desk_id, target_version, audit_key, clock));
    counts.retired = retired.size();
  }
  return audit::AppendAuditEntry(
      db, audit_key, clock,
      {actor, "desk.key.reseal.finished", "desk", desk_id,
       "key_version=" + std::to_string(target_version) + ";outcome=" + counts.outcome +
           ";resealed=" + std::to_string(counts.resealed) + ";skipped=" + std::to_string(counts.skipped) +
           ";retired=" + std::to_string(counts.retired)});
}

}  // namespace

DeskKeyRotationJob::DeskKeyRotationJob(store::GroupCommitWriter& writer, store::ReaderPool& readers,
                                       store::SqliteDeskDirectory& directory, const privacy::SecretKey& audit_key,
                                       const Clock& clock, Options options)
    : writer_(writer),
      readers_(readers),
      directory_(directory),
      audit_key_(audit_key),
      clock_(clock),
      options_(options) {}

DeskKeyRotationJob::~DeskKeyRotationJob() { Stop(); }

Status DeskKeyRotationJob::CheckAdminOfDesk(const Session& admin, const std::string& desk_id) {
  if (admin.identity.role != "admin") return Status::PermissionDenied("only admins manage desks");
  auto lease = readers_.Acquire();
  PB_ASSIGN_OR_RETURN(const auto desk, CurrentDesk(lease.db(), desk_id));
  if (!desk.has_value()) return Status::NotFound("no such desk");
  PB_ASSIGN_OR_RETURN(const auto keys, AllDeskKeysOf(admin, lease.db(), desk_id));
  if (keys.empty()) return Status::NotFound("no such desk");  // like a desk the admin cannot see
  return Status::Ok();
}

Result<RotationProgress> DeskKeyRotationJob::ReadProgress(const std::string& desk_id) {
  auto lease = readers_.Acquire();
  PB_ASSIGN_OR_RETURN(const auto desk, CurrentDesk(lease.db(), desk_id));
  if (!desk.has_value()) return Status::NotFound("no such desk");
  PB_ASSIGN_OR_RETURN(const auto uses, store::CountDeskSealedKeysByVersion(lease.db(), desk_id));
  PB_ASSIGN_OR_RETURN(const auto versions, store::ListDeskKeyVersions(lease.db(), desk_id));
  RotationProgress progress;
  progress.desk_id = desk_id;
  progress.current_version = desk->key_version;
  for (const store::KeyVersionUse& use : uses) {
    if (use.key_version != desk->key_version) progress.records_on_old_versions += use.records;
    bool held = false;
    for (const store::DeskKeyVersionRow& version : versions) {
      if (version.key_version == use.key_version && version.sealed_copies > 0) held = true;
    }
    if (!held) progress.unreadable_records += use.records;
  }
  for (const store::DeskKeyVersionRow& version : versions) {
    if (version.key_version >= desk->key_version) continue;
    OldKeyVersion old{version.key_version, 0, version.sealed_copies, false};
    for (const store::KeyVersionUse& use : uses) {
      if (use.key_version == version.key_version) old.records = use.records;
    }
    old.retired = old.records == 0 && old.sealed_copies == 0;
    progress.old_versions.push_back(std::move(old));
  }
  return progress;
}

Result<std::unique_ptr<DeskKeyRotationJob::Job>> DeskKeyRotationJob::PrepareJob(const Session& admin,
                                                                                const std::string& desk_id) {
  auto job = std::make_unique<Job>();
  job->desk_id = desk_id;
  job->actor_user_id = admin.identity.user_id;
  auto lease = readers_.Acquire();
  PB_ASSIGN_OR_RETURN(const auto desk, CurrentDesk(lease.db(), desk_id));
  if (!desk.has_value()) return Status::NotFound("no such desk");
  job->target_version = desk->key_version;
  job->target_key = desk->public_key;
  PB_ASSIGN_OR_RETURN(auto keys, AllDeskKeysOf(admin, lease.db(), desk_id));
  for (UnlockedDeskKey& key : keys) {
    if (key.key_version != job->target_version) job->old_keys.push_back(std::move(key));
  }
  return job;
}

Result<RotationProgress> DeskKeyRotationJob::Start(const Session& admin, const std::string& desk_id,
                                                   bool new_version) {
  PB_RETURN_IF_ERROR(CheckAdminOfDesk(admin, desk_id));
  std::lock_guard<std::mutex> lock(mutex_);
  if (stopping_) return Status::Unavailable("the service is stopping");
  ReapFinishedLocked();
  if (jobs_.contains(desk_id)) {
    if (new_version) return Status::Conflict("a re-seal job of this desk is running; rotate again when it ends");
  } else {
    if (new_version) {
      intake::DeskKey rotated;
      PB_RETURN_IF_ERROR(writer_.SubmitAndWait([&](store::Database& db) -> Status {
        auto result = RotateDeskKey(db, admin.identity.user_id, desk_id, audit_key_, clock_);
        if (!result.ok()) return result.status();
        rotated = *result;
        return Status::Ok();
      }));
      directory_.InstallKey(rotated);  // committed: future reports are sealed to the new key
    }
    PB_ASSIGN_OR_RETURN(auto job, PrepareJob(admin, desk_id));
    PB_ASSIGN_OR_RETURN(const RotationProgress before, ReadProgress(desk_id));
    PB_RETURN_IF_ERROR(writer_.SubmitAndWait([&](store::Database& db) {
      return audit::AppendAuditEntry(db, audit_key_, clock_,
                                     {job->actor_user_id, "desk.key.reseal.started", "desk", desk_id,
                                      "key_version=" + std::to_string(job->target_version) +
                                          ";records=" + std::to_string(before.records_on_old_versions)});
    }));
    Job& started = *job;
    jobs_.emplace(desk_id, std::move(job));
    started.thread = std::thread([this, &started] { Run(started); });
  }
  PB_ASSIGN_OR_RETURN(RotationProgress progress, ReadProgress(desk_id));
  progress.running = jobs_.contains(desk_id) && !jobs_.at(desk_id)->done.load();
  return progress;
}

Result<RotationProgress> DeskKeyRotationJob::Progress(const Session& admin, const std::string& desk_id) {
  PB_RETURN_IF_ERROR(CheckAdminOfDesk(admin, desk_id));
  PB_ASSIGN_OR_RETURN(RotationProgress progress, ReadProgress(desk_id));
  std::lock_guard<std::mutex> lock(mutex_);
  ReapFinishedLocked();
  progress.running = jobs_.contains(desk_id);
  return progress;
}

void DeskKeyRotationJob::Run(Job& job) {
  const auto started = std::chrono::steady_clock::now();
  RunCounts counts;
  ResealCursor cursor;
  while (!cursor.Finished()) {
    if (job.stop.load()) {
      counts.outcome = "stopped";
      break;
    }
    auto batch = NextBatch(readers_, job.desk_id, job.target_version, job.target_key, job.old_keys, cursor,
                           options_.batch_size);
    if (batch.ok() && !batch->has_value()) {
      counts.outcome = "superseded";  // rotated again meanwhile: the next start continues
      break;
    }
    if (!batch.ok()) {
      spdlog::error("desk key reseal desk={} failed: {}", job.desk_id, batch.status().message());
      counts.outcome = "failed";
      break;
    }
    const ResealBatch& prepared = **batch;
    counts.skipped += prepared.skipped;
    if (prepared.keys.empty()) continue;
    int64_t changed = 0;
    const Status written = writer_.SubmitAndWait(
        [&](store::Database& db) { return WriteBatch(db, prepared.keys, job.target_version, changed); });
    if (!written.ok()) {
      spdlog::error("desk key reseal desk={} failed: {}", job.desk_id, written.message());
      counts.outcome = "failed";
      break;
    }
    counts.resealed += changed;
    Metrics::Global().Increment("pillarbox_desk_keys_resealed_total",
                                "Records whose data key was re-sealed to the current desk key version", changed);
  }
  job.old_keys.clear();  // the old secret keys are wiped here, whatever the outcome
  const bool retire = counts.outcome == "done";
  const Status finished = writer_.SubmitAndWait([&](store::Database& db) {
    return FinishRun(db, job.actor_user_id, job.desk_id, job.target_version, retire, counts, audit_key_, clock_);
  });
  if (!finished.ok()) spdlog::error("desk key reseal desk={} finish failed: {}", job.desk_id, finished.message());
  const auto elapsed_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  spdlog::info("desk key reseal desk={} key_version={} outcome={} resealed={} skipped={} retired={} ms={}",
               job.desk_id, job.target_version, counts.outcome, counts.resealed, counts.skipped, counts.retired,
               elapsed_ms);
  job.done.store(true);
}

void DeskKeyRotationJob::ReapFinishedLocked() {
  for (auto it = jobs_.begin(); it != jobs_.end();) {
    if (it->second->done.load()) {
      it->second->thread.join();
      it = jobs_.erase(it);
    } else {
      ++it;
    }
  }
}

void DeskKeyRotationJob::Stop() {
  std::lock_guard<std::mutex> lock(mutex_);
  stopping_ = true;
  for (auto& [desk_id, job] : jobs_) job->stop.store(true);
  for (auto& [desk_id, job] : jobs_) {
    if (job->thread.joinable()) job->thread.join();
  }
  jobs_.clear();
}

}  // namespace pillarbox::accounts
