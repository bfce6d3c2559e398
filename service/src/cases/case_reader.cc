#include "cases/case_reader.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <utility>

#include "accounts/desk_key_access.h"
#include "cases/case_access.h"
#include "cases/report_access.h"
#include "privacy/envelope.h"
#include "store/case_queries.h"
#include "store/report_queries.h"
#include "store/savepoint.h"

namespace pillarbox::cases {
namespace {

// A cursor is the decimal creation position of the last case of a page.
Result<int64_t> ParseCursor(std::string_view text) {
  if (text.empty()) return std::numeric_limits<int64_t>::max();
  int64_t position = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), position);
  if (error != std::errc() || end != text.data() + text.size() || position < 1) {
    return Status::InvalidArgument("is not a cursor from an earlier page", "after");
  }
  return position;
}

Status CheckListRequest(std::string_view status, int limit) {
  if (!status.empty() && status != "open" && status != "closed" && status != "merged") {
    return Status::InvalidArgument("must be open, closed or merged", "status");
  }
  if (limit < 1 || limit > kMaxCasePage) return Status::InvalidArgument("must be 1 to 100", "limit");
  return Status::Ok();
}

// Opens titles with one desk key per (desk, key version), unsealed once.
class TitleOpener {
 public:
  TitleOpener(store::Database& db, const accounts::Session& session) : db_(db), session_(session) {}

  Result<std::string> Open(const store::CaseListEntry& entry) {
    const auto slot = std::make_pair(entry.record.desk_id, entry.record.desk_key_version);
    auto found = desk_keys_.find(slot);
    if (found == desk_keys_.end()) {
      PB_ASSIGN_OR_RETURN(privacy::BoxKeyPair key,
                          accounts::DeskKeyOf(session_, db_, slot.first, slot.second));
      found = desk_keys_.emplace(slot, std::move(key)).first;
    }
    PB_ASSIGN_OR_RETURN(const privacy::SecretKey data_key,
                        privacy::OpenSealedKey(found->second, entry.record.desk_sealed_data_key));
    return OpenCaseField(data_key, entry.record.id, "title", entry.sealed_title);
  }

 private:
  store::Database& db_;
  const accounts::Session& session_;
  std::map<std::pair<std::string, uint32_t>, privacy::BoxKeyPair> desk_keys_;
};

Result<CaseListItem> ToListItem(store::Database& db, TitleOpener& titles, const store::CaseListEntry& entry) {
  CaseListItem item{entry.record, "", entry.report_count, {}, {}};
  PB_ASSIGN_OR_RETURN(item.title, titles.Open(entry));
  PB_ASSIGN_OR_RETURN(item.tags, store::ListCaseTags(db, entry.record.id));
  PB_ASSIGN_OR_RETURN(item.pillars, store::ListCasePillars(db, entry.record.id));
  return item;
}

// Replaces the report ids in timeline details that name reports outside
// `desks` with "hidden", so the timeline names no more than the report list.
Status HideForeignReports(store::Database& db, const std::set<std::string>& desks,
                          std::vector<store::CaseEventRecord>& timeline) {
  std::map<std::string, bool> visible;
  for (store::CaseEventRecord& event : timeline) {
    const size_t key = event.detail.rfind("report=", 0) == 0 ? 0 : event.detail.find(";report=");
    if (key == std::string::npos) continue;
    const size_t start = event.detail.find('=', key) + 1;
    const size_t end = std::min(event.detail.find(';', start), event.detail.size());
    const std::string report_id = event.detail.substr(start, end - start);
    if (visible.count(report_id) == 0) {
      PB_ASSIGN_OR_RETURN(const auto summary, store::LoadReportSummary(db, report_id));
      visible[report_id] = summary.has_value() && desks.count(summary->desk_id) != 0;
    }
    if (!visible[report_id]) event.detail = event.detail.substr(0, start) + "hidden";
  }
  return Status::Ok();
}

// Loads everything of the case but its plaintext, from one snapshot.
Status LoadLinks(store::Database& db, const std::set<std::string>& desks, CaseView& view) {
  const std::string& id = view.record.id;
  PB_ASSIGN_OR_RETURN(auto reports, store::ListCaseReports(db, id));
  for (store::CaseReportEntry& report : reports) {
    if (desks.count(report.desk_id) != 0) {
      view.reports.push_back(std::move(report));
    } else {
      ++view.hidden_report_count;
    }
  }
  PB_ASSIGN_OR_RETURN(view.tags, store::ListCaseTags(db, id));
  PB_ASSIGN_OR_RETURN(view.pillars, store::ListCasePillars(db, id));
  PB_ASSIGN_OR_RETURN(view.action_ids, store::ListCaseActions(db, id));
  PB_ASSIGN_OR_RETURN(view.timeline, store::ListCaseEvents(db, id));
  return HideForeignReports(db, desks, view.timeline);
}

Status OpenFields(store::Database& db, const accounts::Session& session, CaseView& view) {
  PB_ASSIGN_OR_RETURN(const auto fields, store::LoadCaseFields(db, view.record.id));
  PB_ASSIGN_OR_RETURN(const privacy::SecretKey key, OpenCaseKey(db, session, view.record));
  for (const store::SealedCaseField& field : fields) {
    PB_ASSIGN_OR_RETURN(std::string text, OpenCaseField(key, view.record.id, field.field, field.ciphertext));
    (field.field == "title" ? view.title : view.summary) = std::move(text);
  }
  return Status::Ok();
}

Result<CaseView> LoadView(store::Database& db, const accounts::Session& session, std::string_view case_id) {
  store::Savepoint snapshot(db);
  PB_RETURN_IF_ERROR(snapshot.Begin());
  CaseView view;
  PB_ASSIGN_OR_RETURN(view.record, FindVisibleCase(db, session, case_id));
  PB_RETURN_IF_ERROR(LoadLinks(db, DesksOf(session), view));
  PB_RETURN_IF_ERROR(OpenFields(db, session, view));
  PB_RETURN_IF_ERROR(snapshot.Release());
  return view;
}

}  // namespace

Result<CasePage> CaseReader::List(const accounts::Session& session, std::string_view status, int limit,
                                  std::string_view cursor) {
  if (!MayReadReports(session)) return Status::PermissionDenied("this role cannot work on cases");
  PB_RETURN_IF_ERROR(CheckListRequest(status, limit));
  PB_ASSIGN_OR_RETURN(const int64_t before, ParseCursor(cursor));
  auto lease = env_.readers.Acquire();
  std::vector<store::CaseListEntry> entries;
  for (const std::string& desk : DesksOf(session)) {  // each desk's page uses its index; merge them
    PB_ASSIGN_OR_RETURN(auto page, store::ListDeskCases(lease.db(), desk, status, before, limit + 1));
    std::move(page.begin(), page.end(), std::back_inserter(entries));
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.record.position > b.record.position; });
  CasePage page;
  if (entries.size() > static_cast<size_t>(limit)) {
    entries.resize(static_cast<size_t>(limit));
    page.next_cursor = std::to_string(entries.back().record.position);
  }
  TitleOpener titles(lease.db(), session);
  for (const store::CaseListEntry& entry : entries) {
    PB_ASSIGN_OR_RETURN(CaseListItem item, ToListItem(lease.db(), titles, entry));
    page.cases.push_back(std::move(item));
  }
  return page;
}

Result<CaseView> CaseReader::Open(const accounts::Session& session, std::string_view case_id) {
  std::optional<CaseView> view;
  {
    auto lease = env_.readers.Acquire();
    PB_ASSIGN_OR_RETURN(view, LoadView(lease.db(), session, case_id));
  }
  PB_RETURN_IF_ERROR(env_.audit.Record({session.identity.user_id, "case.viewed", "case", view->record.id, ""}));
  return std::move(*view);
}

}  // namespace pillarbox::cases
