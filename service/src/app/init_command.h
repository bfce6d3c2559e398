// `pillarbox init`: creates a new instance in a data folder: the instance
// secret (0600), the database at the newest schema, one desk per report kind
// with its own key pair, and a first admin account who is a member of every
// desk. The admin's generated password, TOTP secret and recovery code are
// printed once and never stored in a readable form. With --demo it also
// loads clearly marked demo data (app/demo_data.h).
#pragma once

#include <string>

#include "privacy/password_kdf.h"

namespace pillarbox::app {

struct InitOptions {
  std::string data_dir;
  std::string admin_username = "admin";
  bool json_output = false;  // print credentials as one JSON object
  bool demo = false;         // also load demo actions and reports (demo=1)
  privacy::PasswordKdfParams kdf = privacy::ModerateKdfParams();
};

// Returns the process exit code. Refuses (exit 1, nothing changed) when the
// folder already holds an instance. On any failure removes what it created.
int RunInit(const InitOptions& options);

}  // namespace pillarbox::app
