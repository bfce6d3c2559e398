// DeskMembership: an admin adds reviewers to desks and removes them.
//
// Adding seals every key version of the desk that the admin's own session can
// unlock to the new member's public key, so the member reads old and new
// reports alike; the admin must therefore be a member (the server holds no
// desk key). Removing deletes the member's sealed keys and rotates the desk
// key: a new key pair, sealed to every remaining enabled member, becomes the
// key future reports are sealed to, so the removed member cannot read reports
// that arrive after removal even with a copy of the old key (RotateDeskKey,
// accounts/desk_key_rotation.h; older records are re-sealed by the key
// rotation job, accounts/desk_key_rotation_job.h). Both end the
// affected user's sessions (their unlocked desk keys change) and are audited
// in the same transaction as the change. Thread-safe; each call blocks for
// one commit (call from worker threads).
#pragma once

#include <string>
#include <vector>

#include "accounts/session_store.h"
#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/desk_membership_rows.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"
#include "store/sqlite_desk_directory.h"

namespace pillarbox::accounts {

// A desk as admins see it: no key material, only who is in it.
struct DeskView {
  std::string id;
  std::string name;
  std::vector<std::string> kinds;
  uint32_t key_version = 1;
  std::vector<store::DeskRosterEntry> members;  // ordered by username
};

// Seals every key version of `desk_id` that `granter` holds to `member_key`
// as desk_members rows of `member_id`, each audited "desk.member.added".
// InvalidArgument naming `field` when the granter holds no key of the desk.
// For writer operations (runs on `db` inside the caller's savepoint).
Status GrantDeskKeys(store::Database& db, const Session& granter, const std::string& desk_id,
                     const std::string& member_id, const privacy::BoxPublicKey& member_key,
                     const privacy::SecretKey& audit_key, const Clock& clock, const std::string& field);

class DeskMembership {
 public:
  // References must outlive the object.
  DeskMembership(store::GroupCommitWriter& writer, store::ReaderPool& readers, store::SqliteDeskDirectory& directory,
                 SessionStore& sessions, const privacy::SecretKey& audit_key, const Clock& clock);

  // Every desk with its members. PermissionDenied unless `admin` is an admin.
  Result<std::vector<DeskView>> List(const Session& admin);

  // Adds `user_id` to `desk_id` (audited "desk.member.added" per key version
  // sealed). PermissionDenied unless `admin` is an admin; NotFound for an
  // unknown desk or user; InvalidArgument naming "desk" when
  // the admin holds no key of it, naming "user_id" for a disabled account or a
  // partner/researcher; Conflict when the user is already a member.
  Status Add(const Session& admin, const std::string& desk_id, const std::string& user_id);

  // Removes `user_id` from `desk_id` and rotates the desk key; returns the new
  // key version (audited "desk.member.removed" and "desk.key.rotated").
  // PermissionDenied unless `admin` is an admin; NotFound when the desk does
  // not exist or the user is not a member; Conflict when no enabled member
  // would remain (new reports would be sealed to nobody).
  Result<uint32_t> Remove(const Session& admin, const std::string& desk_id, const std::string& user_id);

 private:
  store::GroupCommitWriter& writer_;
  store::ReaderPool& readers_;
  store::SqliteDeskDirectory& directory_;
  SessionStore& sessions_;
  const privacy::SecretKey& audit_key_;
  const Clock& clock_;
};

}  // namespace pillarbox::accounts
