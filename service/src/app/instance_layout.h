// Where an instance keeps its files inside its data folder.
#pragma once

#include <string>

namespace pillarbox::app {

struct InstanceLayout {
  std::string data_dir;

  // The SQLite database (plus its -wal and -shm files beside it).
  std::string database() const { return data_dir + "/pillarbox.db"; }
  // The instance secret (mode 0600), outside the database.
  std::string instance_secret() const { return data_dir + "/instance.key"; }
};

}  // namespace pillarbox::app
