// Where an instance keeps its files inside its data folder.
#pragma once

#include <string>

namespace pillarbox::app {

struct InstanceLayout {
  std::string data_dir;
  // Where the instance secret is read from when not beside the database
  // (e.g. a systemd credential: serve --secret-file %d/instance.key); "" for
  // the default.
  std::string secret_file;

  // The SQLite database (plus its -wal and -shm files beside it).
  std::string database() const { return data_dir + "/pillarbox.db"; }
  // The instance secret (mode 0600 or stricter), outside the database:
  // secret_file when set, else instance.key in the data folder.
  std::string instance_secret() const { return secret_file.empty() ? data_dir + "/instance.key" : secret_file; }
};

}  // namespace pillarbox::app
