#include "http/case_json.h"

#include <pistache/router.h>

#include <initializer_list>
#include <limits>

#include "http/json_request.h"

namespace pillarbox::http {
namespace {

using nlohmann::json;

// InvalidArgument naming the first member of `body` not in `known`.
Status RefuseUnknownMembers(const json& body, std::initializer_list<const char*> known) {
  for (const auto& [name, value] : body.items()) {
    bool found = false;
    for (const char* member : known) found = found || name == member;
    if (!found) return Status::InvalidArgument("is not a member of this request", name);
  }
  return Status::Ok();
}

// Copies optional string member `name` into `target`.
Status ReadOptionalString(const json& body, const char* name, std::optional<std::string>& target) {
  const auto value = body.find(name);
  if (value == body.end()) return Status::Ok();
  if (!value->is_string()) return Status::InvalidArgument("must be a string", name);
  target = value->get<std::string>();
  return Status::Ok();
}

json OrNull(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json TagsJson(const std::vector<store::TagEntry>& tags) {
  json out = json::array();
  for (const auto& tag : tags) out.push_back({{"id", tag.id}, {"name", tag.name}});
  return out;
}

json RecordJson(const store::CaseRecord& record) {
  return {{"id", record.id},
          {"desk", record.desk_id},
          {"status", record.status},
          {"merged_into", OrNull(record.merged_into)},
          {"created_day", record.created_day},
          {"revision", record.revision},
          {"closed_day", OrNull(record.closed_day)},
          {"legal_hold", record.legal_hold}};
}

}  // namespace

Result<cases::NewCase> DecodeNewCase(const Pistache::Rest::Request& request) {
  PB_ASSIGN_OR_RETURN(const json body, ParseJsonObjectBody(request, kMaxCaseBody));
  PB_RETURN_IF_ERROR(RefuseUnknownMembers(body, {"desk", "title", "summary"}));
  cases::NewCase created;
  PB_RETURN_IF_ERROR(ReadStringMembers(body, {{"desk", &created.desk}, {"title", &created.title}}));
  std::optional<std::string> summary;
  PB_RETURN_IF_ERROR(ReadOptionalString(body, "summary", summary));
  created.summary = summary.value_or("");
  return created;
}

Result<cases::CaseUpdate> DecodeCaseUpdate(const Pistache::Rest::Request& request) {
  PB_ASSIGN_OR_RETURN(const json body, ParseJsonObjectBody(request, kMaxCaseBody));
  PB_RETURN_IF_ERROR(RefuseUnknownMembers(body, {"revision", "title", "summary", "status"}));
  cases::CaseUpdate update;
  const auto revision = body.find("revision");
  if (revision == body.end() || !revision->is_number_integer() ||
      (revision->is_number_unsigned() &&
       revision->get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))) {
    return Status::InvalidArgument("must be the case's revision, a whole number", "revision");
  }
  update.revision = revision->get<int64_t>();
  PB_RETURN_IF_ERROR(ReadOptionalString(body, "title", update.title));
  PB_RETURN_IF_ERROR(ReadOptionalString(body, "summary", update.summary));
  PB_RETURN_IF_ERROR(ReadOptionalString(body, "status", update.status));
  return update;
}

Result<std::string> DecodeSingleString(const Pistache::Rest::Request& request, const char* name) {
  PB_ASSIGN_OR_RETURN(const json body, ParseJsonObjectBody(request, kMaxCaseBody));
  PB_RETURN_IF_ERROR(RefuseUnknownMembers(body, {name}));
  std::string value;
  PB_RETURN_IF_ERROR(ReadStringMembers(body, {{name, &value}}));
  return value;
}

json CaseCreatedJson(const store::CaseRecord& record) { return RecordJson(record); }

json CaseListJson(const cases::CasePage& page) {
  json out = json::array();
  for (const cases::CaseListItem& item : page.cases) {
    json entry = RecordJson(item.record);
    entry["title"] = item.title;
    entry["report_count"] = item.report_count;
    entry["tags"] = TagsJson(item.tags);
    entry["pillars"] = item.pillars;
    out.push_back(std::move(entry));
  }
  return {{"cases", std::move(out)}, {"next", OrNull(page.next_cursor)}};
}

json CaseViewJson(const cases::CaseView& view) {
  json out = RecordJson(view.record);
  out["title"] = view.title;
  out["summary"] = view.summary;
  json reports = json::array();
  for (const auto& report : view.reports) {
    reports.push_back(
        {{"id", report.report_id}, {"kind", report.kind}, {"received_day", report.received_day}, {"status", report.status}});
  }
  out["reports"] = std::move(reports);
  out["hidden_report_count"] = view.hidden_report_count;
  out["tags"] = TagsJson(view.tags);
  out["pillars"] = view.pillars;
  out["action_ids"] = view.action_ids;
  json timeline = json::array();
  for (const auto& event : view.timeline) {
    timeline.push_back({{"seq", event.seq}, {"at", event.at}, {"actor", event.actor_id}, {"event", event.event},
                        {"detail", event.detail}});
  }
  out["timeline"] = std::move(timeline);
  return out;
}

json LinkOutcomeJson(const std::string& case_id, const cases::LinkOutcome& outcome) {
  return {{"id", case_id}, {"revision", outcome.revision}, {"changed", outcome.changed}};
}

json NoteJson(const cases::CaseNote& note, bool with_body) {
  json out = {{"id", note.id}, {"author", note.author_username}, {"author_id", note.author_id},
              {"created_at", note.created_at}};
  if (with_body) out["body"] = note.body;
  return out;
}

json MergeJson(const std::string& source_id, const std::string& target_id, const cases::MergeOutcome& outcome) {
  return {{"id", source_id},
          {"status", "merged"},
          {"merged_into", target_id},
          {"target_revision", outcome.target_revision},
          {"reports_moved", outcome.reports_moved}};
}

}  // namespace pillarbox::http
