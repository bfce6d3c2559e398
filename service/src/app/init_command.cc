#include "app/init_command.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/demo_data.h"
#include "app/instance_creation.h"
#include "app/instance_layout.h"
#include "common/clock.h"
#include "common/embedded_file.h"
#include "http/questionnaire_codec.h"
#include "privacy/init.h"
#include "privacy/instance_secret.h"
#include "store/migrations.h"

namespace pillarbox::app {
namespace {

Status PrepareDataDir(const InstanceLayout& layout) {
  std::error_code error;
  std::filesystem::create_directories(layout.data_dir, error);
  if (error) return Status::Unavailable("cannot create " + layout.data_dir + ": " + error.message());
  if (chmod(layout.data_dir.c_str(), 0700) != 0) {
    return Status::Unavailable("cannot set mode 0700 on " + layout.data_dir + ": " + std::strerror(errno));
  }
  for (const std::string& path : {layout.instance_secret(), layout.database()}) {
    if (std::filesystem::exists(path)) {
      return Status::Conflict(layout.data_dir + " already holds an instance (" + path + " exists)");
    }
  }
  return Status::Ok();
}

// What init made: the instance and, with --demo, the demo data.
struct InitResult {
  CreatedInstance instance;
  DemoCounts demo;
};

Result<InitResult> CreateInstance(const InitOptions& options, const InstanceLayout& layout) {
  PB_RETURN_IF_ERROR(privacy::InitializeAndSelfTest());
  PB_ASSIGN_OR_RETURN(auto catalog, http::LoadEmbeddedQuestionnaires());
  PB_RETURN_IF_ERROR(privacy::InstanceKeys::CreateFile(layout.instance_secret()));
  PB_ASSIGN_OR_RETURN(auto keys, privacy::InstanceKeys::LoadFile(layout.instance_secret()));
  PB_ASSIGN_OR_RETURN(auto db, store::Database::Open(layout.database(), store::OpenMode::kReadWriteCreate));
  PB_RETURN_IF_ERROR(store::ApplyMigrations(*db, EmbeddedMigrations()));
  const SystemClock clock;
  const accounts::NewAccountRequest admin{options.admin_username, "admin", UtcDay(clock.NowUnixSeconds()),
                                          options.kdf};
  InitResult result;
  PB_ASSIGN_OR_RETURN(result.instance, CreateInstanceRecords(*db, catalog, admin, keys.audit_key(), clock));
  if (options.demo) {
    PB_ASSIGN_OR_RETURN(result.demo, LoadDemoData(*db, catalog, keys, clock));
  }
  return result;
}

void RemoveCreatedFiles(const InstanceLayout& layout) {
  for (const std::string& path : {layout.instance_secret(), layout.database(), layout.database() + "-wal",
                                  layout.database() + "-shm"}) {
    unlink(path.c_str());
  }
}

void PrintCredentials(const InitOptions& options, const InitResult& result) {
  const CreatedInstance& created = result.instance;
  const auto& admin = created.admin;
  if (options.json_output) {
    nlohmann::json out = {
        {"data_dir", options.data_dir},
        {"desks", created.desk_ids},
        {"demo", options.demo ? nlohmann::json{{"actions", result.demo.actions}, {"reports", result.demo.reports}}
                              : nlohmann::json(nullptr)},
        {"admin",
         {{"username", admin.username}, {"password", admin.password}, {"totp_secret", admin.totp_secret},
          {"totp_uri", admin.totp_uri}, {"recovery_code", admin.recovery_code}}},
    };
    std::cout << out.dump(2) << std::endl;
    return;
  }
  std::cout << "Initialized a Pillarbox instance in " << options.data_dir << "\n\n"
            << "First admin account (shown only this once; store it in a password manager):\n"
            << "  username:      " << admin.username << "\n"
            << "  password:      " << admin.password << "\n"
            << "  TOTP secret:   " << admin.totp_secret << "\n"
            << "  TOTP URI:      " << admin.totp_uri << "\n"
            << "  recovery code: " << admin.recovery_code << "\n\n"
            << "Desks created (one per kind of report): " << created.desk_ids.size() << std::endl;
  if (options.demo) {
    std::cout << "\nDEMO DATA loaded: " << result.demo.actions << " example actions and " << result.demo.reports
              << " generated reports about fictitious organizations, all marked demo (\"demo\": true).\n"
              << "They are not real reports; do not use this instance for real reporting." << std::endl;
  }
}

}  // namespace

int RunInit(const InitOptions& options) {
  const InstanceLayout layout{options.data_dir, ""};
  if (Status prepared = PrepareDataDir(layout); !prepared.ok()) {
    std::cerr << "pillarbox init: " << prepared.message() << "\n";
    return 1;
  }
  auto created = CreateInstance(options, layout);
  if (!created.ok()) {
    RemoveCreatedFiles(layout);
    std::cerr << "pillarbox init: " << created.status().ToString() << "\n";
    return 1;
  }
  PrintCredentials(options, *created);
  return 0;
}

}  // namespace pillarbox::app
