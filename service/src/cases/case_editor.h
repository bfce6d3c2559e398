// CaseEditor: creating cases and changing their title, summary and status.
// A new case gets a random data key sealed to its desk's CURRENT public key
// (the key version is stored with it); title and summary are sealed under it
// (CaseFieldContext). Changes carry the revision the caller last read: a
// stale one is Conflict naming "revision", checked inside the write, so two
// concurrent edits never silently overwrite each other. Every change writes
// its timeline event and audit entry in the same write.
// Thread-safe; each call blocks for reads and one commit (worker threads).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "accounts/session_store.h"
#include "cases/case_environment.h"
#include "common/status.h"
#include "store/case_rows.h"

namespace pillarbox::cases {

struct NewCase {
  std::string desk;
  std::string title;    // 1..200 characters
  std::string summary;  // 0..20,000 characters
};

struct CaseUpdate {
  int64_t revision = 0;                // the revision the caller read
  std::optional<std::string> title;    // 1..200 characters
  std::optional<std::string> summary;  // 0..20,000 characters
  std::optional<std::string> status;   // "open" or "closed"
};

class CaseEditor {
 public:
  explicit CaseEditor(const CaseEnvironment& environment) : env_(environment) {}

  // Creates a case on `request.desk` (audited "case.created") and returns its
  // row. PermissionDenied for partners and researchers; InvalidArgument
  // naming "desk" when the caller is not a member of it, or "title" /
  // "summary" when the text is not acceptable (case_text.h).
  Result<store::CaseRecord> Create(const accounts::Session& session, const NewCase& request);

  // Applies `update` to case `case_id` and returns its new revision (the same
  // one when nothing changed). Fields equal to the stored ones are no change.
  // InvalidArgument naming "revision", "title", "summary" or "status" (only
  // open and closed may be set); NotFound when the case is not visible;
  // Conflict naming "revision" when the case changed since that revision;
  // Conflict when it was merged.
  Result<int64_t> Update(const accounts::Session& session, std::string_view case_id, const CaseUpdate& update);

 private:
  const CaseEnvironment env_;
};

}  // namespace pillarbox::cases
