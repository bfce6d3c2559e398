// RetentionSettings: reading and changing the retention policy
// (cases/retention_policy.h) on behalf of a signed-in staff member.
// Admins and reviewers read it; only admins change it. Thread-safe; Update
// blocks for one commit.
#pragma once

#include <string>
#include <vector>

#include "accounts/session_store.h"
#include "cases/retention_policy.h"
#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"

namespace pillarbox::cases {

class RetentionSettings {
 public:
  // `kinds` are the instance's report kinds. References must outlive the object.
  RetentionSettings(store::ReaderPool& readers, store::GroupCommitWriter& writer, const privacy::SecretKey& audit_key,
                    const Clock& clock, std::vector<std::string> kinds);

  // The stored policy, one entry per kind, with the last purge.
  // PermissionDenied for partners and researchers; DataLoss when a stored
  // value is malformed.
  Result<RetentionPolicy> Get(const accounts::Session& session);

  // Applies `change` (absent members stay) and audits
  // "settings.retention.changed" in the same commit; returns the whole stored
  // policy afterwards. PermissionDenied unless `session` is an admin's;
  // InvalidArgument naming the member (ValidateRetentionChange), and then
  // nothing is stored.
  Result<RetentionPolicy> Update(const accounts::Session& session, const RetentionPolicyChange& change);

  // The instance's report kinds.
  const std::vector<std::string>& kinds() const { return kinds_; }

 private:
  store::ReaderPool& readers_;
  store::GroupCommitWriter& writer_;
  const privacy::SecretKey& audit_key_;
  const Clock& clock_;
  const std::vector<std::string> kinds_;
};

}  // namespace pillarbox::cases
