#include "app/audit_command.h"

#include <sys/stat.h>

#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/instance_layout.h"
#include "app/master_key_state.h"
#include "audit/audit_verification.h"
#include "common/embedded_file.h"
#include "privacy/init.h"
#include "privacy/instance_secret.h"
#include "store/database.h"
#include "store/migrations.h"

namespace pillarbox::app {
namespace {

// The first schema version that has the audit_log table (schema/002_audit_log.sql).
constexpr int kAuditSchemaVersion = 2;

// Opens the database read-only, refusing schemas without the audit log or newer than this build.
Result<std::unique_ptr<store::Database>> OpenReadOnly(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    return Status::NotFound("no database at " + path + "; run: pillarbox init --data <folder>");
  }
  PB_ASSIGN_OR_RETURN(auto database, store::Database::Open(path, store::OpenMode::kReadOnly));
  PB_ASSIGN_OR_RETURN(const int version, store::SchemaVersion(*database));
  const int latest = store::LatestVersion(EmbeddedMigrations());
  if (version > latest) {
    return Status::FailedPrecondition("database schema version " + std::to_string(version) +
                                      " is newer than this build supports (" + std::to_string(latest) + ")");
  }
  if (version < kAuditSchemaVersion) {
    return Status::FailedPrecondition("database schema version " + std::to_string(version) +
                                      " has no audit log yet; run pillarbox serve once to migrate it");
  }
  return database;
}

Result<audit::AuditVerification> Verify(const InstanceLayout& layout) {
  PB_RETURN_IF_ERROR(privacy::InitializeAndSelfTest());
  PB_ASSIGN_OR_RETURN(auto keys, privacy::InstanceKeys::LoadFile(layout.instance_secret()));
  PB_ASSIGN_OR_RETURN(auto database, OpenReadOnly(layout.database()));
  PB_ASSIGN_OR_RETURN(const privacy::SecretKey* audit_key, AuditKeyInUse(*database, keys));
  return audit::VerifyAuditLog(*database, *audit_key);
}

void PrintJson(const audit::AuditVerification& result) {
  nlohmann::json out = {{"ok", result.ok}, {"entries", result.entries}};
  if (!result.ok) {
    out["first_bad_seq"] = result.first_bad_seq;
    out["problem"] = result.problem;
  }
  std::cout << out.dump(2) << std::endl;
}

}  // namespace

int RunAuditVerify(const AuditVerifyOptions& options) {
  Result<audit::AuditVerification> result = Verify(InstanceLayout{options.data_dir, options.secret_file});
  if (!result.ok()) {
    std::cerr << "pillarbox audit verify: " << result.status().message() << "\n";
    return 1;
  }
  if (options.json_output) PrintJson(*result);
  if (!result->ok) {
    std::cerr << "audit log BROKEN at entry " << result->first_bad_seq << ": " << result->problem << std::endl;
    return 1;
  }
  if (!options.json_output) std::cout << "audit log ok: " << result->entries << " entries" << std::endl;
  return 0;
}

}  // namespace pillarbox::app
