// CreateBackup (declared in app/backup_creation.h).
#include "app/backup_creation.h"

#include <sys/stat.h>
#include <unistd.h>

#include "app/backup_files.h"
#include "app/mapped_file.h"
#include "privacy/backup_file.h"
#include "privacy/init.h"
#include "privacy/instance_secret.h"
#include "privacy/signing_key.h"

namespace pillarbox::app {
namespace {

Status RequireDatabase(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    return Status::NotFound("no database at " + path + "; run: pillarbox init --data <folder>");
  }
  return Status::Ok();
}

privacy::ByteView BytesOf(std::string_view text) { return privacy::AsBytes(text); }

// Encrypts and signs the snapshot at `snapshot_path` into `temporary_out`.
Result<uint64_t> WriteBackupFile(const BackupRequest& request, const privacy::InstanceKeys& keys,
                                 const std::string& snapshot_path, const std::string& temporary_out,
                                 privacy::BackupHeader header) {
  PB_ASSIGN_OR_RETURN(MappedFile snapshot, MappedFile::Open(snapshot_path));
  PB_ASSIGN_OR_RETURN(OutputFile output, OutputFile::Open(temporary_out));
  const privacy::SigningKey signer = privacy::SigningKey::FromSeed(keys.signing_seed());
  std::optional<std::string_view> passphrase;
  if (request.passphrase.has_value()) passphrase = *request.passphrase;
  const privacy::BackupKeySource key{keys.backup_key(), passphrase, request.kdf};
  auto sink = [&output](privacy::ByteView bytes) { return output.Write(bytes); };
  PB_ASSIGN_OR_RETURN(privacy::BackupWriter writer, privacy::BackupWriter::Start(sink, std::move(header), key, signer));
  PB_RETURN_IF_ERROR(writer.Append(BytesOf(snapshot.bytes())));
  PB_RETURN_IF_ERROR(writer.Finish());
  PB_RETURN_IF_ERROR(output.SyncAndClose());
  return writer.bytes_written();
}

}  // namespace

Result<BackupSummary> CreateBackup(const BackupRequest& request, const Clock& clock) {
  PB_RETURN_IF_ERROR(privacy::InitializeAndSelfTest());
  PB_ASSIGN_OR_RETURN(auto keys, privacy::InstanceKeys::LoadFile(request.layout.instance_secret()));
  PB_RETURN_IF_ERROR(RequireDatabase(request.layout.database()));
  PB_ASSIGN_OR_RETURN(TemporaryFile snapshot, TemporaryFile::Create(request.layout.data_dir, "backup-snapshot"));
  PB_ASSIGN_OR_RETURN(store::SnapshotStats stats,
                      store::SnapshotDatabase(request.layout.database(), snapshot.path(), request.pages_per_step));
  BackupSummary summary{0, stats.pages, stats.page_bytes, stats.schema_version,
                        UtcDay(clock.NowUnixSeconds()), request.passphrase.has_value()};
  const std::string temporary_out = request.out + ".tmp";
  Result<uint64_t> written = WriteBackupFile(request, keys, snapshot.path(), temporary_out,
                                             privacy::BackupHeader{summary.schema_version, summary.created_day});
  Status status = written.ok() ? RenameDurably(temporary_out, request.out) : written.status();
  if (!status.ok()) {
    unlink(temporary_out.c_str());
    return status;
  }
  summary.file_bytes = *written;
  return summary;
}

}  // namespace pillarbox::app
