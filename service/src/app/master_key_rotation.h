// `pillarbox instance rotate-master`: replaces the instance master key, as a
// resumable job run while `serve` is stopped (it takes the data folder's
// lock). What is keyed by the master is moved to the new one:
//   1. the keyring gets a new master (version n+1), the old one kept as
//      "retiring" (privacy/instance_keyring.h); nothing else changes yet;
//   2. the audit chain is verified under the old audit key and re-keyed
//      under the new one, in one transaction (audit/audit_rekey.h);
//   3. blind indexes are recomputed under the new index key, a batch of
//      reports per transaction, in report id order with the cursor stored in
//      the same transaction: this needs the reports' plaintext, so an admin's
//      password unlocks their desk keys (they must hold every desk version
//      that has indexed reports; checked before step 1);
//   4. one transaction records the rotation in the audit log (under the new
//      key) and sets the database's master version; the WAL is truncated;
//      the keyring drops the old master and keeps only its receipt pepper
//      (receipts are never stored, so reports keep the pepper they were made
//      with and sign-in tries each pepper).
// A kill -9 at any point leaves a keyring with both masters and every record
// under the old or the new key; running the command again finishes.
// Evidence bundles already made stay signed by the old signing key (they are
// encrypted to their partner; nothing here can re-sign them); new bundles and
// backups are signed by the new key, which `instance signing-key` prints.
#pragma once

#include <ostream>
#include <string>

#include "app/instance_layout.h"
#include "common/clock.h"
#include "common/status.h"

namespace pillarbox::app {

struct MasterKeyRotationOptions {
  InstanceLayout layout;
  std::string username;  // an admin who holds every desk key version in use
  std::string password;
  int batch_size = 500;  // reports re-indexed per transaction
};

// Runs (or resumes) the rotation, writing one progress line per step and
// batch to `out` (counts and versions only). FailedPrecondition when serve
// holds the folder, the database is not at the latest schema, the admin
// lacks a desk key, or the database and keyring do not belong together;
// Unauthenticated for a wrong username or password; PermissionDenied when the
// account is not an admin; Unavailable on an I/O error. Nothing is changed
// before those checks pass.
Status RotateMasterKey(const MasterKeyRotationOptions& options, const Clock& clock, std::ostream& out);

}  // namespace pillarbox::app
