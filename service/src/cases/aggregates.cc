#include "cases/aggregates.h"

#include <algorithm>
#include <map>
#include <set>

#include "cases/calendar_day.h"
#include "cases/report_access.h"
#include "privacy/blind_index.h"
#include "privacy/bytes.h"
#include "store/desk_repository.h"

namespace pillarbox::cases {
namespace {

Status CheckBy(std::string_view by) {
  if (by == "organization" || by == "ai_system") return Status::Ok();
  return Status::InvalidArgument("must be organization or ai_system", "by");
}

Status CheckLimit(int limit, int max) {
  if (limit >= 1 && limit <= max) return Status::Ok();
  return Status::InvalidArgument("must be between 1 and " + std::to_string(max), "limit");
}

Result<std::vector<uint8_t>> ParseKey(std::string_view key) {
  const Status bad = Status::InvalidArgument("must be 64 hex digits", "key");
  if (key.size() != 2 * privacy::kBlindIndexBytes) return bad;
  Result<privacy::Bytes> digest = privacy::FromHex(key);
  if (!digest.ok()) return bad;
  return std::vector<uint8_t>(digest->begin(), digest->end());
}

// "YYYY-MM-DD.<report id>" -> cursor; "" is the start.
Result<store::ReportCursor> ParseCursor(std::string_view text) {
  if (text.empty()) return store::ReportCursor{};
  const size_t dot = text.find('.');
  if (dot == std::string_view::npos || !IsCalendarDay(text.substr(0, dot)) || !IsRandomId(text.substr(dot + 1))) {
    return Status::InvalidArgument("is not a cursor from an earlier page", "after");
  }
  return store::ReportCursor{std::string(text.substr(0, dot)), std::string(text.substr(dot + 1))};
}

// True for "YYYY-MM" with a month 01..12.
bool IsMonth(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i != 4 && (text[i] < '0' || text[i] > '9')) return false;
  }
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  return month >= 1 && month <= 12;
}

// The caller's desks, and the scope the queries take: empty when the caller
// is a member of every desk (the desk check is then skipped).
struct DeskScope {
  std::vector<std::string> desks;
  std::vector<std::string> scope;
};

Result<DeskScope> ScopeOf(store::Database& db, const accounts::Session& session) {
  if (!MayReadReports(session)) return Status::PermissionDenied("this role cannot read reports");
  DeskScope result;
  const std::set<std::string> mine = DesksOf(session);
  result.desks.assign(mine.begin(), mine.end());
  PB_ASSIGN_OR_RETURN(const auto all, store::ListDesks(db));
  const bool every = std::all_of(all.begin(), all.end(), [&mine](const auto& desk) { return mine.count(desk.id); });
  if (!every || result.desks.empty()) result.scope = result.desks;
  return result;
}

// Adds `reports` to `related` under `reason`, skipping `self`.
void AddRelated(std::map<std::string, RelatedReport>& related, const std::vector<store::ReportSummary>& reports,
                const std::string& self, const char* reason) {
  int added = 0;
  for (const store::ReportSummary& report : reports) {
    if (report.id == self || added == kRelatedPerReason) continue;
    ++added;
    RelatedReport& entry = related[report.id];
    entry.summary = report;
    entry.reasons.emplace_back(reason);
  }
}

}  // namespace

Result<std::vector<AggregateGroup>> Aggregates::Groups(const accounts::Session& session, std::string_view by,
                                                       int64_t min, int limit) {
  PB_RETURN_IF_ERROR(CheckBy(by));
  if (min < 1) return Status::InvalidArgument("must be at least 1", "min");
  PB_RETURN_IF_ERROR(CheckLimit(limit, kMaxAggregateGroups));
  auto lease = readers_.Acquire();
  PB_ASSIGN_OR_RETURN(const DeskScope desks, ScopeOf(lease.db(), session));
  std::vector<AggregateGroup> groups;
  if (desks.desks.empty()) return groups;
  PB_ASSIGN_OR_RETURN(const auto counted, store::CountDigestGroups(lease.db(), by, desks.scope, min, limit));
  PB_ASSIGN_OR_RETURN(const auto cases, store::OpenCasesByDigest(lease.db(), by, desks.desks));
  for (const store::DigestGroup& group : counted) {
    AggregateGroup out{privacy::ToHex(group.digest), group.count, group.sample_report_id, {}};
    if (const auto found = cases.find(group.digest); found != cases.end()) {
      out.open_case_ids.assign(found->second.begin(), found->second.end());
    }
    groups.push_back(std::move(out));
  }
  return groups;
}

Result<GroupReportsPage> Aggregates::GroupReports(const accounts::Session& session, std::string_view by,
                                                  std::string_view key, int limit, std::string_view cursor) {
  PB_RETURN_IF_ERROR(CheckBy(by));
  PB_ASSIGN_OR_RETURN(const std::vector<uint8_t> digest, ParseKey(key));
  PB_RETURN_IF_ERROR(CheckLimit(limit, kMaxGroupReportsPage));
  PB_ASSIGN_OR_RETURN(const store::ReportCursor after, ParseCursor(cursor));
  auto lease = readers_.Acquire();
  PB_ASSIGN_OR_RETURN(const DeskScope desks, ScopeOf(lease.db(), session));
  GroupReportsPage page;
  if (desks.desks.empty()) return page;
  PB_ASSIGN_OR_RETURN(page.reports,
                      store::ListDigestReports(lease.db(), by, digest, desks.scope, after, limit + 1));
  if (page.reports.size() > static_cast<size_t>(limit)) {
    page.reports.resize(static_cast<size_t>(limit));
    page.next_cursor = page.reports.back().received_day + "." + page.reports.back().id;
  }
  return page;
}

Result<RelatedReports> Aggregates::Related(const accounts::Session& session, std::string_view report_id) {
  auto lease = readers_.Acquire();
  PB_ASSIGN_OR_RETURN(const store::ReportSummary self, FindVisibleReport(lease.db(), session, report_id));
  PB_ASSIGN_OR_RETURN(const DeskScope desks, ScopeOf(lease.db(), session));
  PB_ASSIGN_OR_RETURN(const auto digests, store::LoadReportDigests(lease.db(), self.id));
  std::map<std::string, RelatedReport> related;
  for (const char* field : {"organization", "ai_system"}) {
    const auto digest = digests.find(field);
    if (digest == digests.end()) continue;
    PB_ASSIGN_OR_RETURN(const auto reports, store::ListDigestReports(lease.db(), field, digest->second, desks.scope,
                                                                     store::ReportCursor{}, kRelatedPerReason + 1));
    AddRelated(related, reports, self.id, field);
  }
  const std::string month = self.received_day.substr(0, 7);
  PB_ASSIGN_OR_RETURN(const auto same_month,
                      store::ListKindSectorReports(lease.db(), self.desk_id, self.kind, self.sector, month + "-01",
                                                   month + "-31", kRelatedPerReason + 1));
  AddRelated(related, same_month, self.id, "kind_sector_month");
  RelatedReports result;
  std::vector<std::string> ids;
  for (auto& [id, entry] : related) {
    ids.push_back(id);
    result.reports.push_back(std::move(entry));
  }
  std::sort(result.reports.begin(), result.reports.end(), [](const RelatedReport& a, const RelatedReport& b) {
    if (a.summary.received_day != b.summary.received_day) return a.summary.received_day > b.summary.received_day;
    return a.summary.id > b.summary.id;
  });
  if (!ids.empty()) {
    PB_ASSIGN_OR_RETURN(result.open_case_ids, store::OpenCasesHolding(lease.db(), ids, desks.desks));
  }
  return result;
}

Result<std::vector<store::PillarCount>> Aggregates::Pillars(const accounts::Session& session,
                                                            std::string_view from_month, std::string_view to_month) {
  if (!MayReadReports(session)) return Status::PermissionDenied("this role cannot read reports");
  if (!IsMonth(from_month)) return Status::InvalidArgument("must be a month YYYY-MM", "from");
  if (!IsMonth(to_month)) return Status::InvalidArgument("must be a month YYYY-MM", "to");
  if (to_month < from_month) return Status::InvalidArgument("must not be before from", "to");
  auto lease = readers_.Acquire();
  PB_ASSIGN_OR_RETURN(const DeskScope desks, ScopeOf(lease.db(), session));
  if (desks.desks.empty()) return std::vector<store::PillarCount>{};
  return store::CountPillars(lease.db(), desks.desks, std::string(from_month) + "-01",
                             std::string(to_month) + "-31");
}

}  // namespace pillarbox::cases
