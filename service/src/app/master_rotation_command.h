// `pillarbox instance rotate-master`: the command around RotateMasterKey
// (app/master_key_rotation.h).
#pragma once

#include <string>

namespace pillarbox::app {

struct RotateMasterOptions {
  std::string data_dir;
  std::string secret_file;    // the instance secret when not <data_dir>/instance.key
  std::string username;       // an admin holding every desk key in use
  std::string password_file;  // the admin's password, first line (mode 0600)
  int batch_size = 500;
};

// Runs or resumes the rotation, printing progress on stdout. Returns 0, or 1
// with one line on stderr (nothing secret in it).
int RunRotateMaster(const RotateMasterOptions& options);

}  // namespace pillarbox::app
