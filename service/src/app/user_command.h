// `pillarbox user add`: an admin creates an account from the command line.
// The server holds no desk key, so the command signs the admin in for real:
// it reads the admin's password and a current TOTP code from standard input
// (one per line, never from the command line, where other users could see
// them), unlocks the desk keys that way, and creates the account exactly as
// POST /api/v1/users does. Works while the service runs (WAL, busy timeout).
#pragma once

#include <string>
#include <vector>

namespace pillarbox::app {

struct UserAddOptions {
  std::string data_dir;
  std::string secret_file;  // the instance secret when not <data_dir>/instance.key
  std::string admin;  // the admin who signs in
  std::string username;
  std::string role;
  std::vector<std::string> desks;
  bool json_output = false;
};

// Returns the process exit code: 0 created (credentials printed once), 1 on
// failure (wrong admin credentials, refused request), with a message on stderr.
int RunUserAdd(const UserAddOptions& options);

}  // namespace pillarbox::app
