#include "app/instance.h"

#include <sys/stat.h>

#include "app/master_key_state.h"
#include "common/embedded_file.h"
#include "http/questionnaire_codec.h"
#include "privacy/init.h"
#include "store/migrations.h"

namespace pillarbox::app {
namespace {

Result<std::unique_ptr<store::Database>> OpenDatabaseAtCurrentSchema(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    return Status::NotFound("no database at " + path + "; run: pillarbox init --data <folder>");
  }
  PB_ASSIGN_OR_RETURN(auto database, store::Database::Open(path, store::OpenMode::kReadWrite));
  PB_RETURN_IF_ERROR(store::ApplyMigrations(*database, EmbeddedMigrations()));
  return database;
}

}  // namespace

Result<Instance> OpenInstance(const std::string& data_dir, const std::string& secret_file) {
  PB_RETURN_IF_ERROR(privacy::InitializeAndSelfTest());
  Instance instance;
  instance.layout.data_dir = data_dir;
  instance.layout.secret_file = secret_file;
  PB_ASSIGN_OR_RETURN(auto keys, privacy::InstanceKeys::LoadFile(instance.layout.instance_secret()));
  instance.keys.emplace(std::move(keys));
  PB_ASSIGN_OR_RETURN(instance.database, OpenDatabaseAtCurrentSchema(instance.layout.database()));
  PB_RETURN_IF_ERROR(CheckKeysMatchDatabase(*instance.database, *instance.keys));
  PB_ASSIGN_OR_RETURN(instance.desks, store::SqliteDeskDirectory::Load(*instance.database));
  PB_ASSIGN_OR_RETURN(auto catalog, http::LoadEmbeddedQuestionnaires());
  instance.catalog.emplace(std::move(catalog));
  return instance;
}

}  // namespace pillarbox::app
