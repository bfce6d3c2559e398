// Schema migrations: numbered SQL files from schema/ (NNN_name.sql), embedded
// in the binary. The database records its version in meta(schema_version).
#pragma once

#include <vector>

#include "common/embedded_file.h"
#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// The version of a database: 0 when it has no meta table yet.
Result<int> SchemaVersion(Database& db);

// Applies every migration numbered above the database's version, each in its
// own transaction together with the new version number. FailedPrecondition
// ("database schema version N is newer than this build supports (M)") when the
// database is newer than the newest migration; InvalidArgument when a file
// name does not start with a 3-digit number or numbers are not consecutive.
Status ApplyMigrations(Database& db, const std::vector<EmbeddedFile>& migrations);

// The highest version among `migrations`.
int LatestVersion(const std::vector<EmbeddedFile>& migrations);

}  // namespace pillarbox::store
