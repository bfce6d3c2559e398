// Instance: the opened pieces of an initialized data folder that serving
// needs (keys, database at the current schema, desks, questionnaires).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/instance_layout.h"
#include "common/status.h"
#include "intake/questionnaire_catalog.h"
#include "privacy/instance_secret.h"
#include "store/database.h"
#include "store/sqlite_desk_directory.h"

namespace pillarbox::app {

struct Instance {
  InstanceLayout layout;
  std::optional<privacy::InstanceKeys> keys;
  std::unique_ptr<store::Database> database;  // the writer's connection
  std::unique_ptr<store::SqliteDeskDirectory> desks;
  std::optional<intake::QuestionnaireCatalog> catalog;
};

// Opens the instance in `data_dir`: self-tests the crypto, loads the
// instance secret (refusing loose permissions), opens the database, refuses a
// schema newer than this build and applies pending migrations, refuses a
// secret that does not belong to the database or an unfinished master key
// rotation (app/master_key_state.h), loads desks
// and questionnaires. The secret is read from `secret_file` when it is not
// empty (InstanceLayout::secret_file). Errors carry a message fit for an
// operator, naming the file and the fix.
Result<Instance> OpenInstance(const std::string& data_dir, const std::string& secret_file = "");

}  // namespace pillarbox::app
