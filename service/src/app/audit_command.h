// `pillarbox audit verify`: checks the audit log's keyed chain in a data
// folder without changing anything (the database is opened read-only; the
// instance secret must pass the same permission check as for `serve`).
#pragma once

#include <string>

namespace pillarbox::app {

struct AuditVerifyOptions {
  std::string data_dir;
  std::string secret_file;  // the instance secret when not <data_dir>/instance.key
  bool json_output = false;  // print the result as one JSON object on stdout
};

// Returns the process exit code: 0 when the log verifies ("audit log ok: N
// entries" on stdout); 1 when it is broken ("audit log BROKEN at entry <seq>:
// <problem>" on stderr) or cannot be checked (missing instance, loose secret
// file permissions, a database from a newer or pre-audit schema), with one
// clear line on stderr. With json_output, stdout carries {"ok", "entries"} and,
// when broken, "first_bad_seq" and "problem".
int RunAuditVerify(const AuditVerifyOptions& options);

}  // namespace pillarbox::app
