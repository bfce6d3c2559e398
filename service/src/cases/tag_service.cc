#include "cases/tag_service.h"

#include "audit/audit_log.h"
#include "cases/label_text.h"
#include "cases/report_access.h"

namespace pillarbox::cases {
namespace {

constexpr size_t kTagIdBytes = 16;

Status RequireTagManager(const accounts::Session& session) {
  if (!MayReadReports(session)) return Status::PermissionDenied("this role cannot manage tags");
  return Status::Ok();
}

// A store Conflict on a tag write: the only unique column besides the random id is the name.
Status NameTaken(Status status) {
  if (status.code() == StatusCode::kConflict) return Status::Conflict("a tag with this name exists", "name");
  return status;
}

}  // namespace

TagService::TagService(store::GroupCommitWriter& writer, store::ReaderPool& readers,
                       const privacy::SecretKey& audit_key, const Clock& clock)
    : writer_(writer), readers_(readers), audit_key_(audit_key), clock_(clock) {}

Status TagService::CreateOp(store::Database& db, const std::string& actor, const store::TagRecord& tag) {
  PB_RETURN_IF_ERROR(NameTaken(store::InsertTag(db, tag)));
  return audit::AppendAuditEntry(db, audit_key_, clock_, {actor, "tag.created", "tag", tag.id, ""});
}

Status TagService::RenameOp(store::Database& db, const std::string& actor, const store::TagRecord& tag) {
  PB_RETURN_IF_ERROR(NameTaken(store::RenameTag(db, tag.id, tag.name)));
  return audit::AppendAuditEntry(db, audit_key_, clock_, {actor, "tag.renamed", "tag", tag.id, ""});
}

Status TagService::MergeOp(store::Database& db, const std::string& actor, const std::string& id,
                           const std::string& into, store::TagMergeCounts& moved) {
  PB_ASSIGN_OR_RETURN(const auto source, store::FindTag(db, id));
  if (!source.has_value()) return Status::NotFound("no such tag");
  PB_ASSIGN_OR_RETURN(const auto target, store::FindTag(db, into));
  if (!target.has_value()) return Status::InvalidArgument("names no tag", "into");
  PB_ASSIGN_OR_RETURN(moved, store::MergeTag(db, id, into));
  const std::string detail = "into=" + into + ";report_links=" + std::to_string(moved.report_links) +
                             ";case_links=" + std::to_string(moved.case_links);
  return audit::AppendAuditEntry(db, audit_key_, clock_, {actor, "tag.merged", "tag", id, detail});
}

Result<store::TagRecord> TagService::Create(const accounts::Session& session, std::string_view name) {
  PB_RETURN_IF_ERROR(RequireTagManager(session));
  PB_ASSIGN_OR_RETURN(std::string normalized, NormalizeTagName(name));
  const store::TagRecord tag{privacy::ToHex(privacy::RandomBytes(kTagIdBytes)), std::move(normalized)};
  const std::string& actor = session.identity.user_id;
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait([&](store::Database& db) { return CreateOp(db, actor, tag); }));
  return tag;
}

Result<std::vector<TagSummary>> TagService::List(const accounts::Session& session) {
  PB_RETURN_IF_ERROR(RequireTagManager(session));
  std::map<std::string, store::TagLinkCounts> counts;
  std::vector<store::TagRecord> tags;
  {
    auto lease = readers_.Acquire();
    PB_ASSIGN_OR_RETURN(tags, store::ListTags(lease.db()));
    for (const std::string& desk : DesksOf(session)) {
      PB_ASSIGN_OR_RETURN(const auto desk_counts, store::CountTagLinksOfDesk(lease.db(), desk));
      for (const auto& [tag_id, count] : desk_counts) {
        counts[tag_id].reports += count.reports;
        counts[tag_id].cases += count.cases;
      }
    }
  }
  std::vector<TagSummary> summaries;
  summaries.reserve(tags.size());
  for (store::TagRecord& tag : tags) {
    const auto found = counts.find(tag.id);
    summaries.push_back({std::move(tag), found == counts.end() ? store::TagLinkCounts{} : found->second});
  }
  return summaries;
}

Result<store::TagRecord> TagService::Rename(const accounts::Session& session, std::string_view id,
                                            std::string_view name) {
  PB_RETURN_IF_ERROR(RequireTagManager(session));
  if (!IsRandomId(id)) return Status::NotFound("no such tag");
  PB_ASSIGN_OR_RETURN(std::string normalized, NormalizeTagName(name));
  const store::TagRecord tag{std::string(id), std::move(normalized)};
  const std::string& actor = session.identity.user_id;
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait([&](store::Database& db) { return RenameOp(db, actor, tag); }));
  return tag;
}

Result<store::TagMergeCounts> TagService::Merge(const accounts::Session& session, std::string_view id,
                                                std::string_view into) {
  PB_RETURN_IF_ERROR(RequireTagManager(session));
  if (!IsRandomId(id)) return Status::NotFound("no such tag");
  if (!IsRandomId(into)) return Status::InvalidArgument("must be a tag id", "into");
  if (id == into) return Status::InvalidArgument("cannot merge a tag into itself", "into");
  const std::string actor = session.identity.user_id;
  const std::string from_id(id);
  const std::string into_id(into);
  store::TagMergeCounts moved;
  PB_RETURN_IF_ERROR(
      writer_.SubmitAndWait([&](store::Database& db) { return MergeOp(db, actor, from_id, into_id, moved); }));
  return moved;
}

}  // namespace pillarbox::cases
