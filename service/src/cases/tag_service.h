// TagService: the shared vocabulary of tags. Any admin or reviewer creates,
// lists, renames and merges tags (partners and researchers: PermissionDenied).
// Every change commits through the group-commit writer together with its
// audit entry ("tag.created", "tag.renamed", "tag.merged"; ids only, never a
// name). Thread-safe; each call blocks for about one commit (use a worker
// thread).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/session_store.h"
#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"
#include "store/tag_repository.h"

namespace pillarbox::cases {

// A tag with how many reports of the caller's desks and cases of the
// caller's desks carry it.
struct TagSummary {
  store::TagRecord tag;
  store::TagLinkCounts counts;
};

class TagService {
 public:
  // All references must outlive the service.
  TagService(store::GroupCommitWriter& writer, store::ReaderPool& readers, const privacy::SecretKey& audit_key,
             const Clock& clock);

  // Creates a tag named `name` (NormalizeTagName: trimmed, 1..64 characters).
  // InvalidArgument naming "name" when malformed; Conflict naming "name" when
  // another tag has that name ignoring ASCII case.
  Result<store::TagRecord> Create(const accounts::Session& session, std::string_view name);

  // Every tag, by name, with its counts on the session's desks.
  Result<std::vector<TagSummary>> List(const accounts::Session& session);

  // Renames tag `id`. NotFound when there is no such tag; InvalidArgument or
  // Conflict naming "name" as for Create.
  Result<store::TagRecord> Rename(const accounts::Session& session, std::string_view id, std::string_view name);

  // Moves every report and case link of tag `id` to tag `into` (duplicates
  // collapse) and deletes `id`, in one write. NotFound when `id` does not
  // exist; InvalidArgument naming "into" when `into` is malformed, names no
  // tag, or is `id` itself.
  Result<store::TagMergeCounts> Merge(const accounts::Session& session, std::string_view id, std::string_view into);

 private:
  Status CreateOp(store::Database& db, const std::string& actor, const store::TagRecord& tag);
  Status RenameOp(store::Database& db, const std::string& actor, const store::TagRecord& tag);
  Status MergeOp(store::Database& db, const std::string& actor, const std::string& id, const std::string& into,
                 store::TagMergeCounts& moved);

  store::GroupCommitWriter& writer_;
  store::ReaderPool& readers_;
  const privacy::SecretKey& audit_key_;
  const Clock& clock_;
};

}  // namespace pillarbox::cases
