#include "bundles/bundle_assembler.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "audit/audit_head.h"
#include "audit/audit_log.h"
#include "audit/audit_object_entries.h"
#include "bundles/bundle_entries.h"
#include "bundles/bundle_format.h"
#include "bundles/new_id.h"
#include "cases/case_access.h"
#include "cases/report_access.h"
#include "cases/report_data_key.h"
#include "intake/report_opener.h"
#include "store/case_links.h"
#include "store/evidence_rows.h"
#include "store/organization_rows.h"

namespace pillarbox::bundles {
namespace {

// What Share reads under one reader lease.
struct Gathered {
  BundleSource source;
  store::OrganizationRecord organization;
  std::vector<privacy::SecretKey> data_keys;  // parallel to source.reports
};

Result<store::OrganizationRecord> FindOrganization(store::Database& db, std::string_view id) {
  const Status unknown = Status::InvalidArgument("is not a registered organization", "organization_id");
  if (!cases::IsRandomId(id)) return unknown;
  PB_ASSIGN_OR_RETURN(auto record, store::LoadOrganization(db, id));
  if (!record.has_value()) return unknown;
  return std::move(*record);
}

Status GatherCase(store::Database& db, const accounts::Session& session, const store::CaseRecord& record,
                  BundleSource& source) {
  PB_ASSIGN_OR_RETURN(const privacy::SecretKey case_key, cases::OpenCaseKey(db, session, record));
  PB_ASSIGN_OR_RETURN(const auto fields, store::LoadCaseFields(db, record.id));
  for (const auto& field : fields) {
    if (field.field == "title") {
      PB_ASSIGN_OR_RETURN(source.case_title, cases::OpenCaseField(case_key, record.id, "title", field.ciphertext));
    }
  }
  source.case_id = record.id;
  source.case_status = record.status;
  source.case_created_day = record.created_day;
  PB_ASSIGN_OR_RETURN(source.pillars, store::ListCasePillars(db, record.id));
  PB_ASSIGN_OR_RETURN(const auto action_ids, store::ListCaseActions(db, record.id));
  for (const std::string& action_id : action_ids) {
    PB_ASSIGN_OR_RETURN(auto action, store::LoadAction(db, action_id));
    if (action.has_value()) source.actions.push_back(std::move(*action));
  }
  return Status::Ok();
}

// Opens the visible reports of the case, oldest first.
Status GatherReports(store::Database& db, const accounts::Session& session, Gathered& gathered) {
  PB_ASSIGN_OR_RETURN(auto entries, store::ListCaseReports(db, gathered.source.case_id));
  std::reverse(entries.begin(), entries.end());  // listed newest first
  const std::set<std::string> desks = cases::DesksOf(session);
  for (const auto& entry : entries) {
    if (desks.count(entry.desk_id) == 0) continue;
    PB_ASSIGN_OR_RETURN(auto summary, store::LoadReportSummary(db, entry.report_id));
    PB_ASSIGN_OR_RETURN(auto sealed, store::LoadSealedReport(db, entry.report_id));
    if (!summary.has_value() || !sealed.has_value()) continue;
    PB_ASSIGN_OR_RETURN(privacy::SecretKey data_key, cases::OpenReportDataKey(session, db, entry.report_id));
    ReportSource report;
    PB_ASSIGN_OR_RETURN(report.answers, intake::OpenSealedFields(sealed->sealed_fields, sealed->id, data_key));
    PB_ASSIGN_OR_RETURN(report.redactions, store::ListRedactions(db, entry.report_id));
    report.summary = std::move(*summary);
    report.clear_answers = std::move(sealed->clear_answers);
    gathered.source.reports.push_back(std::move(report));
    gathered.data_keys.push_back(std::move(data_key));
  }
  return Status::Ok();
}

// Assigns each requested file to its report; InvalidArgument naming
// "evidence_file_ids" for anything else.
Status AssignFiles(store::Database& db, const std::vector<std::string>& file_ids, BundleSource& source) {
  const Status bad = Status::InvalidArgument("must be evidence files of this case's reports, each once",
                                             "evidence_file_ids");
  if (file_ids.size() > kMaxBundleFiles) {
    return Status::InvalidArgument("at most " + std::to_string(kMaxBundleFiles) + " files", "evidence_file_ids");
  }
  std::map<std::string, size_t> owner;
  for (size_t r = 0; r < source.reports.size(); ++r) {
    PB_ASSIGN_OR_RETURN(const auto files, store::ListEvidenceFiles(db, source.reports[r].summary.id));
    for (const auto& file : files) owner[file.id] = r;
  }
  std::set<std::string> seen;
  for (const std::string& id : file_ids) {
    const auto found = owner.find(id);
    if (found == owner.end() || !seen.insert(id).second) return bad;
    source.reports[found->second].file_ids.push_back(id);
  }
  return Status::Ok();
}

Status GatherCustody(store::Database& db, BundleSource& source) {
  std::vector<std::string> objects{source.case_id};
  for (const auto& report : source.reports) objects.push_back(report.summary.id);
  PB_ASSIGN_OR_RETURN(source.custody, audit::AuditEntriesAbout(db, objects));
  PB_ASSIGN_OR_RETURN(const auto head, audit::ReadAuditHead(db));
  if (head.has_value()) {
    source.head_seq = head->seq;
    source.head_tag_hex = privacy::ToHex(head->tag);
  }
  return Status::Ok();
}

Result<Gathered> Gather(store::ReaderPool& readers, const accounts::Session& session, std::string_view case_id,
                        const ShareRequest& request) {
  auto lease = readers.Acquire();
  PB_ASSIGN_OR_RETURN(const store::CaseRecord record, cases::FindVisibleCase(lease.db(), session, case_id));
  if (record.status == "merged") return Status::Conflict("a merged case cannot be shared; share the case it joined");
  Gathered gathered;
  PB_ASSIGN_OR_RETURN(gathered.organization, FindOrganization(lease.db(), request.organization_id));
  PB_RETURN_IF_ERROR(GatherCase(lease.db(), session, record, gathered.source));
  PB_RETURN_IF_ERROR(GatherReports(lease.db(), session, gathered));
  PB_RETURN_IF_ERROR(AssignFiles(lease.db(), request.evidence_file_ids, gathered.source));
  PB_RETURN_IF_ERROR(GatherCustody(lease.db(), gathered.source));
  return gathered;
}

// Receives the bundle file from BundleWriter and stores it in pieces of
// kBundleChunkBytes, one commit each; the last piece waits for Finish.
class ChunkSink {
 public:
  ChunkSink(store::GroupCommitWriter& writer, std::string bundle_id)
      : writer_(writer), bundle_id_(std::move(bundle_id)) {}

  Status Put(std::string_view piece) {
    buffer_.append(piece);
    total_ += static_cast<int64_t>(piece.size());
    while (buffer_.size() >= kBundleChunkBytes) {
      PB_RETURN_IF_ERROR(Store(buffer_.substr(0, kBundleChunkBytes)));
      buffer_.erase(0, kBundleChunkBytes);
    }
    return Status::Ok();
  }

  // The bytes not stored yet, for the final commit.
  const std::string& rest() const { return buffer_; }
  int64_t next_seq() const { return seq_; }
  int64_t total() const { return total_; }

 private:
  Status Store(const std::string& chunk) {
    const int64_t seq = seq_++;
    return writer_.SubmitAndWait([this, seq, &chunk](store::Database& db) -> Status {
      return store::InsertBundleChunk(db, bundle_id_, seq, chunk);
    });
  }

  store::GroupCommitWriter& writer_;
  const std::string bundle_id_;
  std::string buffer_;
  int64_t seq_ = 0;
  int64_t total_ = 0;
};

Result<privacy::BoxPublicKey> OrganizationKey(const store::OrganizationRecord& organization) {
  if (organization.public_key.size() != privacy::kKeyBytes) return Status::DataLoss("malformed organization key");
  privacy::BoxPublicKey key;
  std::copy(organization.public_key.begin(), organization.public_key.end(), key.bytes.begin());
  return key;
}

// The opened evidence files, parallel to each report's file_ids.
using OpenedFiles = std::vector<std::vector<reporter::EvidenceFile>>;

Result<OpenedFiles> OpenFiles(reporter::EvidenceService& evidence, Gathered& gathered) {
  OpenedFiles opened(gathered.source.reports.size());
  for (size_t r = 0; r < gathered.source.reports.size(); ++r) {
    ReportSource& report = gathered.source.reports[r];
    for (const std::string& file_id : report.file_ids) {
      PB_ASSIGN_OR_RETURN(auto file, evidence.Open(report.summary.id, file_id, gathered.data_keys[r]));
      report.file_extensions.push_back(file.summary.meta.extension);
      opened[r].push_back(std::move(file));
    }
  }
  return opened;
}

Status WriteEntries(BundleWriter& writer, const BundleSource& source, const OpenedFiles& files) {
  PB_ASSIGN_OR_RETURN(const auto entries, BuildJsonEntries(source));
  for (const auto& [path, content] : entries) PB_RETURN_IF_ERROR(writer.AddEntry(path, content));
  for (size_t r = 0; r < files.size(); ++r) {
    for (size_t f = 0; f < files[r].size(); ++f) {
      const privacy::ByteView bytes = files[r][f].content.view();
      PB_RETURN_IF_ERROR(writer.AddEntry(
          FilePath(static_cast<int64_t>(r + 1), static_cast<int64_t>(f + 1), source.reports[r].file_extensions[f]),
          std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size())));
    }
  }
  return writer.Finish();
}

Status WriteBundle(ChunkSink& sink, const store::BundleRecord& record, const privacy::SigningKey& signer,
                   const privacy::BoxPublicKey& recipient, const BundleSource& source, const OpenedFiles& files) {
  PB_ASSIGN_OR_RETURN(BundleWriter writer,
                      BundleWriter::Start([&sink](std::string_view piece) { return sink.Put(piece); },
                                          {record.id, record.organization_id, record.created_day}, signer,
                                          recipient));
  return WriteEntries(writer, source, files);
}

// The final commit: the last piece, the flip to 'ready' and the audit entries.
Status FinishBundle(store::Database& db, const cases::CaseEnvironment& env, const ChunkSink& sink,
                    const store::BundleRecord& record, const std::string& detail, const BundleSource& source) {
  if (!sink.rest().empty()) PB_RETURN_IF_ERROR(store::InsertBundleChunk(db, record.id, sink.next_seq(), sink.rest()));
  PB_RETURN_IF_ERROR(store::MarkBundleReady(db, record.id, record.size));
  PB_RETURN_IF_ERROR(audit::AppendAuditEntry(db, env.audit_key, env.clock,
                                             {record.created_by, "bundle.created", "bundle", record.id, detail}));
  for (const auto& report : source.reports) {
    PB_RETURN_IF_ERROR(audit::AppendAuditEntry(
        db, env.audit_key, env.clock,
        {record.created_by, "report.exported", "report", report.summary.id, "bundle=" + record.id}));
  }
  return Status::Ok();
}

}  // namespace

BundleAssembler::BundleAssembler(const cases::CaseEnvironment& environment, reporter::EvidenceService& evidence,
                                 const privacy::SigningKey& signer, size_t max_bundle_bytes)
    : env_(environment), evidence_(evidence), signer_(signer), max_bundle_bytes_(max_bundle_bytes) {}

Result<store::BundleRecord> BundleAssembler::Share(const accounts::Session& session, std::string_view case_id,
                                                   const ShareRequest& request) {
  PB_ASSIGN_OR_RETURN(Gathered gathered, Gather(env_.readers, session, case_id, request));
  PB_ASSIGN_OR_RETURN(const OpenedFiles files, OpenFiles(evidence_, gathered));
  const Status too_large = Status::PayloadTooLarge(
      "the bundle would exceed " + std::to_string(max_bundle_bytes_ / (1024 * 1024)) + " MiB", "evidence_file_ids");
  size_t file_bytes = 0;
  for (const auto& of_report : files) {
    for (const auto& file : of_report) file_bytes += file.content.view().size();
  }
  if (file_bytes > max_bundle_bytes_) return too_large;
  PB_ASSIGN_OR_RETURN(const privacy::BoxPublicKey recipient, OrganizationKey(gathered.organization));

  store::BundleRecord record;
  record.id = NewRandomId();
  record.case_id = gathered.source.case_id;
  record.organization_id = gathered.organization.id;
  record.created_day = UtcDay(env_.clock.NowUnixSeconds());
  record.created_by = session.identity.user_id;
  std::vector<store::BundleFileRecord> selection;
  size_t file_count = 0;
  for (size_t r = 0; r < gathered.source.reports.size(); ++r) {
    for (const std::string& file_id : gathered.source.reports[r].file_ids) {
      selection.push_back({file_id, static_cast<int64_t>(r + 1)});
      ++file_count;
    }
  }
  PB_RETURN_IF_ERROR(env_.writer.SubmitAndWait(
      [&record, &selection](store::Database& db) -> Status { return store::InsertBundle(db, record, selection); }));

  ChunkSink sink(env_.writer, record.id);
  Status written = WriteBundle(sink, record, signer_, recipient, gathered.source, files);
  if (written.ok() && static_cast<size_t>(sink.total()) > max_bundle_bytes_) written = too_large;
  if (written.ok()) {
    record.size = sink.total();
    record.state = "ready";
    const std::string detail = "case=" + record.case_id + ";organization=" + record.organization_id +
                               ";reports=" + std::to_string(gathered.source.reports.size()) +
                               ";files=" + std::to_string(file_count) + ";size=" + std::to_string(record.size);
    written = env_.writer.SubmitAndWait([&](store::Database& db) -> Status {
      return FinishBundle(db, env_, sink, record, detail, gathered.source);
    });
  }
  if (!written.ok()) {
    // Best effort: a bundle left 'writing' is never served and DiscardUnfinished removes it.
    (void)env_.writer.SubmitAndWait([&record](store::Database& db) -> Status {
      return store::DeleteBundle(db, record.id).status();
    });
    return written;
  }
  return record;
}

Result<std::vector<store::BundleRecord>> BundleAssembler::List(const accounts::Session& session) {
  const std::string& role = session.identity.role;
  auto lease = env_.readers.Acquire();
  if (role == "partner") {
    PB_ASSIGN_OR_RETURN(const std::string organization, store::OrganizationOfUser(lease.db(), session.identity.user_id));
    if (organization.empty()) return std::vector<store::BundleRecord>{};
    return store::ListReadyBundlesOfOrganization(lease.db(), organization);
  }
  if (!cases::MayReadReports(session)) return Status::PermissionDenied("this role sees no bundles");
  std::vector<store::BundleRecord> bundles;
  for (const std::string& desk : cases::DesksOf(session)) {
    PB_ASSIGN_OR_RETURN(auto of_desk, store::ListReadyBundlesOfDesk(lease.db(), desk));
    bundles.insert(bundles.end(), of_desk.begin(), of_desk.end());
  }
  std::sort(bundles.begin(), bundles.end(), [](const store::BundleRecord& a, const store::BundleRecord& b) {
    return a.created_day != b.created_day ? a.created_day > b.created_day : a.id < b.id;
  });
  return bundles;
}

Result<BundleDownload> BundleAssembler::Download(const accounts::Session& session, std::string_view bundle_id) {
  if (session.identity.role != "partner") {
    return Status::PermissionDenied("only partners of the recipient organization download bundles");
  }
  const Status not_found = Status::NotFound("no such bundle");
  if (!cases::IsRandomId(bundle_id)) return not_found;
  BundleDownload download;
  {
    auto lease = env_.readers.Acquire();
    PB_ASSIGN_OR_RETURN(const std::string organization,
                        store::OrganizationOfUser(lease.db(), session.identity.user_id));
    PB_ASSIGN_OR_RETURN(auto record, store::LoadBundle(lease.db(), bundle_id));
    if (organization.empty() || !record.has_value() || record->state != "ready" ||
        record->organization_id != organization) {
      return not_found;
    }
    download.record = std::move(*record);
    PB_ASSIGN_OR_RETURN(download.bytes, store::LoadBundleBytes(lease.db(), download.record.id, download.record.size));
  }
  PB_RETURN_IF_ERROR(env_.audit.Record({session.identity.user_id, "bundle.downloaded", "bundle", download.record.id,
                                        "organization=" + download.record.organization_id}));
  return download;
}

Result<int64_t> BundleAssembler::DiscardUnfinished() {
  int64_t discarded = 0;
  PB_RETURN_IF_ERROR(env_.writer.SubmitAndWait([this, &discarded](store::Database& db) -> Status {
    PB_ASSIGN_OR_RETURN(discarded, store::DeleteUnfinishedBundles(db));
    if (discarded == 0) return Status::Ok();
    return audit::AppendAuditEntry(db, env_.audit_key, env_.clock,
                                   {"system", "bundle.discarded", "bundle", "", "count=" + std::to_string(discarded)});
  }));
  return discarded;
}

}  // namespace pillarbox::bundles
