// VerifyBackup and RestoreBackup (declared in app/backup_opening.h).
#include "app/backup_opening.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/backup_files.h"
#include "app/mapped_file.h"
#include "common/embedded_file.h"
#include "privacy/init.h"
#include "privacy/signing_key.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/online_backup.h"

namespace pillarbox::app {
namespace {

// Integrity and schema checks of a decrypted snapshot at `path`.
Status CheckSnapshot(const std::string& path, const privacy::BackupHeader& header) {
  PB_ASSIGN_OR_RETURN(auto database, store::Database::Open(path, store::OpenMode::kReadWrite));
  PB_RETURN_IF_ERROR(store::CheckIntegrity(*database));
  PB_ASSIGN_OR_RETURN(const int version, store::SchemaVersion(*database));
  if (version != header.schema_version) {
    return Status::DataLoss("schema: the database has schema version " + std::to_string(version) +
                            " but the header says " + std::to_string(header.schema_version));
  }
  const int latest = store::LatestVersion(EmbeddedMigrations());
  if (version < 1 || version > latest) {
    return Status::DataLoss("schema: version " + std::to_string(version) + " is not one this build knows (1 to " +
                            std::to_string(latest) + ")");
  }
  return Status::Ok();
}

// Decrypts `source` into the existing file `plaintext_path`, then checks it.
Result<privacy::BackupHeader> DecryptAndCheck(const BackupSource& source, const std::string& plaintext_path) {
  PB_RETURN_IF_ERROR(privacy::InitializeAndSelfTest());
  PB_ASSIGN_OR_RETURN(MappedFile file, MappedFile::Open(source.file));
  PB_ASSIGN_OR_RETURN(OutputFile output, OutputFile::Open(plaintext_path));
  std::optional<std::string_view> passphrase;
  if (source.passphrase.has_value()) passphrase = *source.passphrase;
  const privacy::BackupKeySource key{source.keys->backup_key(), passphrase};
  const privacy::SigningKey signer = privacy::SigningKey::FromSeed(source.keys->signing_seed());
  auto sink = [&output](privacy::ByteView plaintext) { return output.Write(plaintext); };
  PB_ASSIGN_OR_RETURN(privacy::BackupHeader header,
                      privacy::OpenBackup(privacy::AsBytes(file.bytes()), key, signer.public_key(), sink));
  PB_RETURN_IF_ERROR(output.SyncAndClose());
  PB_RETURN_IF_ERROR(CheckSnapshot(plaintext_path, header));
  return header;
}

// Makes `folder` a folder with mode 0700 that is empty but for an
// instance.key; `created` tells whether it did not exist before.
Status PrepareEmptyFolder(const std::string& folder, bool& created) {
  created = false;
  struct stat info {};
  if (stat(folder.c_str(), &info) != 0) {
    if (mkdir(folder.c_str(), 0700) != 0) return Status::Unavailable("cannot create " + folder);
    created = true;
    return Status::Ok();
  }
  if (!S_ISDIR(info.st_mode)) return Status::Conflict(folder + " exists and is not a folder");
  DIR* dir = opendir(folder.c_str());
  if (dir == nullptr) return Status::Unavailable("cannot read " + folder);
  bool empty = true;
  while (const dirent* entry = readdir(dir)) {
    const std::string name = entry->d_name;
    if (name != "." && name != ".." && name != "instance.key") empty = false;
  }
  closedir(dir);
  if (!empty) return Status::Conflict(folder + " is not empty; restore only into a new or empty folder (an instance.key may be there)");
  if (chmod(folder.c_str(), 0700) != 0) return Status::Unavailable("cannot set the mode of " + folder + " to 0700");
  return Status::Ok();
}

Result<privacy::BackupHeader> RestoreInto(const BackupSource& source, const std::string& folder) {
  PB_ASSIGN_OR_RETURN(TemporaryFile plaintext, TemporaryFile::Create(folder, "restore"));
  PB_ASSIGN_OR_RETURN(privacy::BackupHeader header, DecryptAndCheck(source, plaintext.path()));
  for (const char* suffix : {"-wal", "-shm"}) unlink((plaintext.path() + suffix).c_str());
  PB_RETURN_IF_ERROR(RenameDurably(plaintext.path(), folder + "/pillarbox.db"));
  plaintext.Release();
  return header;
}

}  // namespace

Result<privacy::BackupHeader> VerifyBackup(const BackupSource& source, const std::string& scratch_folder) {
  PB_ASSIGN_OR_RETURN(TemporaryFile plaintext, TemporaryFile::Create(scratch_folder, "backup-verify"));
  return DecryptAndCheck(source, plaintext.path());
}

Result<privacy::BackupHeader> RestoreBackup(const BackupSource& source, const std::string& new_data_dir) {
  if (access(source.file.c_str(), R_OK) != 0) return Status::NotFound("backup file " + source.file + " cannot be read");
  bool created = false;
  PB_RETURN_IF_ERROR(PrepareEmptyFolder(new_data_dir, created));
  Result<privacy::BackupHeader> header = RestoreInto(source, new_data_dir);
  if (!header.ok() && created) rmdir(new_data_dir.c_str());
  return header;
}

}  // namespace pillarbox::app
