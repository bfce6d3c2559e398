#include "app/backup_command.h"

#include <sys/stat.h>

#include <filesystem>
#include <iostream>
#include <optional>

#include "app/backup_creation.h"
#include "app/backup_files.h"
#include "app/secret_text_file.h"
#include "app/backup_opening.h"
#include "app/instance_layout.h"
#include "privacy/init.h"
#include "privacy/instance_secret.h"

namespace pillarbox::app {
namespace {

// The shortest passphrase `backup` accepts (the KDF slows guessing, it does not stop it).
constexpr size_t kMinPassphraseBytes = 12;

Result<std::optional<std::string>> OptionalPassphrase(const std::string& passphrase_file) {
  if (passphrase_file.empty()) return std::optional<std::string>();
  PB_ASSIGN_OR_RETURN(std::string passphrase, ReadSecretTextFile(passphrase_file, "passphrase file"));
  return std::optional<std::string>(std::move(passphrase));
}

std::string KeyDescription(bool passphrase) { return passphrase ? "passphrase (Argon2id)" : "instance secret"; }

// The instance secret for verify: --secret-file, else <data>/instance.key.
Result<privacy::InstanceKeys> LoadVerifyKeys(const BackupVerifyOptions& options) {
  if (options.secret_file.empty() && options.data_dir.empty()) {
    return Status::InvalidArgument("give --data DIR (its instance.key) or --secret-file F: the instance's secret");
  }
  PB_RETURN_IF_ERROR(privacy::InitializeAndSelfTest());
  return privacy::InstanceKeys::LoadFile(InstanceLayout{options.data_dir, options.secret_file}.instance_secret());
}

std::string ScratchFolder(const BackupVerifyOptions& options) {
  if (!options.data_dir.empty()) return options.data_dir;
  std::error_code error;
  const std::filesystem::path temp = std::filesystem::temp_directory_path(error);
  return error ? std::string("/tmp") : temp.string();
}

bool FileExists(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0;
}

// The instance secret for restore: --secret-file, else an instance.key already in the new folder.
Result<privacy::InstanceKeys> LoadRestoreKeys(const RestoreOptions& options) {
  const InstanceLayout layout{options.data_dir, options.secret_file};
  if (options.secret_file.empty() && !FileExists(layout.instance_secret())) {
    return Status::InvalidArgument(
        "restore needs the instance secret of the instance that made the backup: --secret-file F (its "
        "instance.key); the secret is not in the backup");
  }
  PB_RETURN_IF_ERROR(privacy::InitializeAndSelfTest());
  return privacy::InstanceKeys::LoadFile(layout.instance_secret());
}

}  // namespace

int RunBackup(const BackupOptions& options) {
  Result<std::optional<std::string>> passphrase = OptionalPassphrase(options.passphrase_file);
  if (passphrase.ok() && passphrase->has_value() && (*passphrase)->size() < kMinPassphraseBytes) {
    passphrase = Status::InvalidArgument("the passphrase must be at least 12 characters long");
  }
  if (!passphrase.ok()) {
    std::cerr << "pillarbox backup: " << passphrase.status().message() << "\n";
    return 1;
  }
  BackupRequest request{InstanceLayout{options.data_dir, options.secret_file}, options.out, *passphrase};
  SystemClock clock;
  Result<BackupSummary> summary = CreateBackup(request, clock);
  if (!summary.ok()) {
    std::cerr << "pillarbox backup: " << summary.status().message() << "\n";
    return 1;
  }
  std::cout << "backup written: " << options.out << ", " << summary->file_bytes << " bytes, " << summary->pages
            << " pages of " << summary->page_bytes << " bytes, schema " << summary->schema_version << ", day "
            << summary->created_day << ", key: " << KeyDescription(summary->passphrase) << std::endl;
  return 0;
}

int RunBackupVerify(const BackupVerifyOptions& options) {
  Result<std::optional<std::string>> passphrase = OptionalPassphrase(options.passphrase_file);
  Result<privacy::InstanceKeys> keys =
      passphrase.ok() ? LoadVerifyKeys(options) : Result<privacy::InstanceKeys>(passphrase.status());
  if (!keys.ok()) {
    std::cerr << "pillarbox backup verify: " << keys.status().message() << "\n";
    return 1;
  }
  Result<privacy::BackupHeader> header =
      VerifyBackup(BackupSource{options.in, &*keys, *passphrase}, ScratchFolder(options));
  if (!header.ok()) {
    std::cerr << "backup verify FAILED: " << header.status().message() << std::endl;
    return 1;
  }
  std::cout << "backup verified: schema " << header->schema_version << ", day " << header->created_day
            << ", key: " << KeyDescription(header->key_mode == privacy::BackupKeyMode::kPassphrase) << std::endl;
  return 0;
}

int RunRestore(const RestoreOptions& options) {
  Result<std::optional<std::string>> passphrase = OptionalPassphrase(options.passphrase_file);
  Result<privacy::InstanceKeys> keys =
      passphrase.ok() ? LoadRestoreKeys(options) : Result<privacy::InstanceKeys>(passphrase.status());
  if (!keys.ok()) {
    std::cerr << "pillarbox restore: " << keys.status().message() << "\n";
    return 1;
  }
  Result<privacy::BackupHeader> header = RestoreBackup(BackupSource{options.in, &*keys, *passphrase}, options.data_dir);
  if (!header.ok()) {
    std::cerr << "pillarbox restore: " << header.status().message() << std::endl;
    return 1;
  }
  std::cout << "restored " << options.data_dir << "/pillarbox.db (schema " << header->schema_version
            << ", backup of " << header->created_day << ")\n";
  if (FileExists(options.data_dir + "/instance.key")) {
    std::cout << "the instance secret " << options.data_dir << "/instance.key was already in place" << std::endl;
  } else {
    std::cout << "The instance secret is NOT in the backup. Copy the instance's instance.key (mode 0600) to "
              << options.data_dir << "/instance.key, or pass --secret-file to serve." << std::endl;
  }
  return 0;
}

}  // namespace pillarbox::app
