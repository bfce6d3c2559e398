// The master key rotation job (declared in app/master_key_rotation.h).
#include "app/master_key_rotation.h"

#include <set>
#include <utility>
#include <vector>

#include "accounts/password_unlock.h"
#include "app/data_folder_lock.h"
#include "app/master_key_state.h"
#include "audit/audit_log.h"
#include "audit/audit_rekey.h"
#include "common/embedded_file.h"
#include "intake/report_opener.h"
#include "privacy/blind_index.h"
#include "privacy/envelope.h"
#include "privacy/init.h"
#include "privacy/instance_keyring.h"
#include "store/blind_index_rows.h"
#include "store/meta_values.h"
#include "store/migrations.h"
#include "store/transaction.h"

namespace pillarbox::app {
namespace {

Result<std::unique_ptr<store::Database>> OpenAtLatestSchema(const std::string& path) {
  PB_ASSIGN_OR_RETURN(auto database, store::Database::Open(path, store::OpenMode::kReadWrite));
  PB_ASSIGN_OR_RETURN(const int version, store::SchemaVersion(*database));
  const int latest = store::LatestVersion(EmbeddedMigrations());
  if (version != latest) {
    return Status::FailedPrecondition("database schema version " + std::to_string(version) + " is not this build's (" +
                                      std::to_string(latest) + "); run this build's pillarbox serve once first");
  }
  return database;
}

// FailedPrecondition naming each (desk, version) that has indexed reports but
// whose key `session` does not hold.
Status CheckDeskCoverage(store::Database& db, const accounts::Session& session) {
  PB_ASSIGN_OR_RETURN(const auto needed, store::ListDeskVersionsOfIndexedReports(db));
  std::string missing;
  for (const auto& [desk_id, version] : needed) {
    if (session.DeskKey(desk_id, version) == nullptr) {
      missing += (missing.empty() ? "" : ", ") + desk_id + " (key version " + std::to_string(version) + ")";
    }
  }
  if (missing.empty()) return Status::Ok();
  return Status::FailedPrecondition("re-indexing needs every desk key in use, and " + session.identity.username +
                                    " does not hold: " + missing + "; add them to those desks first");
}

// Recomputes the blind indexes of `report` under `index_key`.
Status Reindex(store::Database& db, const store::IndexedReportRow& report, const accounts::Session& session,
               const privacy::SecretKey& index_key) {
  const privacy::BoxKeyPair* desk_key = session.DeskKey(report.desk_id, report.desk_key_version);
  if (desk_key == nullptr) return Status::FailedPrecondition("a desk key is missing for report " + report.report_id);
  PB_ASSIGN_OR_RETURN(const privacy::SecretKey data_key, privacy::OpenSealedKey(*desk_key, report.desk_sealed_data_key));
  std::vector<intake::SealedField> sealed;
  for (const store::IndexedFieldRow& field : report.fields) sealed.push_back({field.field, field.ciphertext});
  PB_ASSIGN_OR_RETURN(const auto answers, intake::OpenSealedFields(sealed, report.report_id, data_key));
  for (const intake::PlainAnswer& answer : answers) {
    const privacy::Bytes digest = privacy::BlindIndex(index_key, answer.field, answer.value);
    PB_RETURN_IF_ERROR(store::UpdateBlindIndexDigest(db, report.report_id, answer.field, digest));
  }
  return Status::Ok();
}

Status RekeyAudit(store::Database& db, const privacy::InstanceKeys& keys, std::ostream& out) {
  PB_ASSIGN_OR_RETURN(const auto done, store::LoadMetaValue(db, kMetaRotationAuditVersion));
  const std::string target = std::to_string(keys.master_version());
  if (done == target) return Status::Ok();
  store::Transaction transaction(db);
  PB_RETURN_IF_ERROR(transaction.Begin());
  PB_ASSIGN_OR_RETURN(const int64_t entries,
                      audit::RekeyAuditLog(db, keys.retiring()->audit_key(), keys.audit_key()));
  PB_RETURN_IF_ERROR(store::StoreMetaValue(db, kMetaRotationAuditVersion, target));
  PB_RETURN_IF_ERROR(transaction.Commit());
  out << "audit log re-keyed: " << entries << " entries" << std::endl;
  return Status::Ok();
}

Status ReindexAll(store::Database& db, const privacy::InstanceKeys& keys, const accounts::Session& session,
                  int batch_size, std::ostream& out) {
  const std::string prefix = std::to_string(keys.master_version()) + ":";
  PB_ASSIGN_OR_RETURN(const auto stored, store::LoadMetaValue(db, kMetaRotationReindexedThrough));
  std::string cursor = stored.has_value() && stored->starts_with(prefix) ? stored->substr(prefix.size()) : "";
  PB_ASSIGN_OR_RETURN(const int64_t total, store::CountIndexedReportsAfter(db, ""));
  PB_ASSIGN_OR_RETURN(const int64_t remaining, store::CountIndexedReportsAfter(db, cursor));
  int64_t done = total - remaining;
  for (;;) {
    store::Transaction transaction(db);
    PB_RETURN_IF_ERROR(transaction.Begin());
    PB_ASSIGN_OR_RETURN(const auto batch, store::ListIndexedReportsAfter(db, cursor, batch_size));
    if (batch.empty()) break;
    for (const store::IndexedReportRow& report : batch) {
      PB_RETURN_IF_ERROR(Reindex(db, report, session, keys.blind_index_key()));
    }
    cursor = batch.back().report_id;
    PB_RETURN_IF_ERROR(store::StoreMetaValue(db, kMetaRotationReindexedThrough, prefix + cursor));
    PB_RETURN_IF_ERROR(transaction.Commit());
    done += static_cast<int64_t>(batch.size());
    out << "re-indexed " << done << " of " << total << " reports" << std::endl;
  }
  return Status::Ok();
}

Status FinishDatabase(store::Database& db, const privacy::InstanceKeys& keys, const accounts::Session& session,
                      const Clock& clock) {
  store::Transaction transaction(db);
  PB_RETURN_IF_ERROR(transaction.Begin());
  const std::string version = std::to_string(keys.master_version());
  PB_RETURN_IF_ERROR(audit::AppendAuditEntry(
      db, keys.audit_key(), clock,
      {session.identity.user_id, "instance.master_key.rotated", "instance", "", "version=" + version}));
  PB_RETURN_IF_ERROR(store::StoreMetaValue(db, kMetaMasterKeyVersion, version));
  PB_RETURN_IF_ERROR(store::DeleteMetaValue(db, kMetaRotationAuditVersion));
  PB_RETURN_IF_ERROR(store::DeleteMetaValue(db, kMetaRotationReindexedThrough));
  PB_RETURN_IF_ERROR(transaction.Commit());
  // Old digests and MACs must not linger in the WAL.
  return db.Checkpoint(store::CheckpointMode::kTruncate);
}

}  // namespace

Status RotateMasterKey(const MasterKeyRotationOptions& options, const Clock& clock, std::ostream& out) {
  if (options.batch_size < 1) return Status::InvalidArgument("must be at least 1", "batch_size");
  PB_RETURN_IF_ERROR(privacy::InitializeAndSelfTest());
  PB_ASSIGN_OR_RETURN(const DataFolderLock lock, DataFolderLock::Acquire(options.layout.data_dir));
  const std::string secret_path = options.layout.instance_secret();
  PB_ASSIGN_OR_RETURN(privacy::InstanceKeyring keyring, privacy::InstanceKeyring::Read(secret_path));
  PB_ASSIGN_OR_RETURN(auto db, OpenAtLatestSchema(options.layout.database()));
  PB_ASSIGN_OR_RETURN(const accounts::Session session,
                      accounts::UnlockAccountWithPassword(*db, options.username, options.password));
  if (session.identity.role != "admin") return Status::PermissionDenied("only an admin may rotate the master key");
  PB_RETURN_IF_ERROR(CheckDeskCoverage(*db, session));
  PB_ASSIGN_OR_RETURN(const uint32_t db_version, DatabaseMasterKeyVersion(*db));

  if (!keyring.retiring().has_value()) {
    PB_RETURN_IF_ERROR(CheckKeysMatchDatabase(*db, privacy::InstanceKeys::FromKeyring(keyring)));
    PB_ASSIGN_OR_RETURN(keyring, keyring.BeginRotation());
    PB_RETURN_IF_ERROR(keyring.Replace(secret_path));
    out << "new master key version " << keyring.master().version << " written; the previous one is kept until "
        << "the rotation finishes" << std::endl;
  } else {
    out << "resuming the rotation to master key version " << keyring.master().version << std::endl;
  }

  const privacy::InstanceKeys keys = privacy::InstanceKeys::FromKeyring(keyring);
  if (db_version != keys.master_version()) {
    if (db_version != keys.retiring()->master_version()) {
      return Status::FailedPrecondition("the database is under master key version " + std::to_string(db_version) +
                                        ", neither the new nor the retiring one");
    }
    PB_RETURN_IF_ERROR(RekeyAudit(*db, keys, out));
    PB_RETURN_IF_ERROR(ReindexAll(*db, keys, session, options.batch_size, out));
    PB_RETURN_IF_ERROR(FinishDatabase(*db, keys, session, clock));
  }
  PB_ASSIGN_OR_RETURN(const privacy::InstanceKeyring finished, keyring.FinishRotation());
  PB_RETURN_IF_ERROR(finished.Replace(secret_path));
  out << "master key rotated to version " << keys.master_version()
      << "; the previous master key is destroyed, its receipt pepper kept" << std::endl;
  return Status::Ok();
}

}  // namespace pillarbox::app
