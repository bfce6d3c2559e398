// OrganizationRegistry: the partner organizations evidence bundles are
// shared with. An admin registers an organization with its X25519 public key
// (64 hex digits, made outside the service by `pillarbox bundle keygen`);
// the secret key never reaches the service, which therefore cannot open a
// bundle once written. Registration is audited ("organization.created").
// Thread-safe; Create blocks for one commit.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "accounts/session_store.h"
#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/group_commit_writer.h"
#include "store/organization_rows.h"
#include "store/reader_pool.h"

namespace pillarbox::bundles {

inline constexpr size_t kMaxOrganizationNameChars = 200;

// What an admin asks to register.
struct NewOrganization {
  std::string name;        // 1-200 code points, no control characters
  std::string public_key;  // 64 hex digits: an X25519 public key
};

class OrganizationRegistry {
 public:
  // All references must outlive the registry.
  OrganizationRegistry(store::GroupCommitWriter& writer, store::ReaderPool& readers,
                       const privacy::SecretKey& audit_key, const Clock& clock);

  // Registers an organization and returns it. PermissionDenied unless
  // `session` is an admin; InvalidArgument naming "name" or "public_key" (not
  // 64 hex digits, or the all-zero key); Conflict naming "name" when taken.
  Result<store::OrganizationRecord> Create(const accounts::Session& session, const NewOrganization& request);

  // Every organization, by name (reviewers need them to choose whom to share a
  // case with). PermissionDenied unless `session` is an admin or a reviewer.
  Result<std::vector<store::OrganizationRecord>> List(const accounts::Session& session);

 private:
  store::GroupCommitWriter& writer_;
  store::ReaderPool& readers_;
  const privacy::SecretKey& audit_key_;
  const Clock& clock_;
};

// The X25519 public key written as 64 hex digits; InvalidArgument naming
// "public_key" otherwise (also for the all-zero key). Exposed for tests.
Result<privacy::BoxPublicKey> ParseOrganizationKey(std::string_view hex);

}  // namespace pillarbox::bundles
