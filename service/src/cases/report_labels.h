// ReportLabels: tags and pillars on reports. A desk member (admin or
// reviewer) links or unlinks a tag or a pillar on a report of one of their
// desks; the calls are idempotent (linking twice keeps one link, unlinking a
// missing link is fine) and every actual change commits with its audit entry
// ("report.tag.added", "report.tag.removed", "report.pillar.added",
// "report.pillar.removed"). A report outside the caller's desks is NotFound,
// like a missing one; partners and researchers get PermissionDenied.
// Thread-safe; changes block for about one commit (use a worker thread).
#pragma once

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

// The labels of one report.
struct ReportLabelSet {
  std::vector<store::TagRecord> tags;  // by name
  std::vector<std::string> pillars;    // ascending
};

class ReportLabels {
 public:
  // All references must outlive the service.
  ReportLabels(store::GroupCommitWriter& writer, store::ReaderPool& readers, const privacy::SecretKey& audit_key,
               const Clock& clock);

  // Links tag `tag_id` to report `report_id`; returns the report's labels
  // afterwards. NotFound for a report not on the session's desks or a tag
  // that does not exist.
  Result<ReportLabelSet> AddTag(const accounts::Session& session, std::string_view report_id, std::string_view tag_id);
  // Unlinks tag `tag_id` from the report; errors as AddTag.
  Result<ReportLabelSet> RemoveTag(const accounts::Session& session, std::string_view report_id,
                                   std::string_view tag_id);
  // Links `pillar` to the report. InvalidArgument naming "pillar" when it is
  // not one of the taxonomy's pillars (cases/pillars.h); NotFound as AddTag.
  Result<ReportLabelSet> AddPillar(const accounts::Session& session, std::string_view report_id,
                                   std::string_view pillar);
  // Unlinks `pillar` from the report; errors as AddPillar.
  Result<ReportLabelSet> RemovePillar(const accounts::Session& session, std::string_view report_id,
                                      std::string_view pillar);

  // The labels of report `report_id` (not audited: clear metadata). NotFound
  // or PermissionDenied as AddTag.
  Result<ReportLabelSet> Of(const accounts::Session& session, std::string_view report_id);

 private:
  enum class Kind { kTag, kPillar };
  struct Change {
    Kind kind;
    bool add;
    std::string report_id;
    std::string label;  // a tag id or a pillar
  };
  Result<ReportLabelSet> Apply(const accounts::Session& session, Change change);
  Status ApplyOp(store::Database& db, const accounts::Session& session, const Change& change, ReportLabelSet& labels);

  store::GroupCommitWriter& writer_;
  store::ReaderPool& readers_;
  const privacy::SecretKey& audit_key_;
  const Clock& clock_;
};

}  // namespace pillarbox::cases
