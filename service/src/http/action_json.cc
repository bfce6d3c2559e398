#include "http/action_json.h"

#include <pistache/router.h>

#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "http/json_request.h"
#include "http/query_parameter.h"

namespace pillarbox::http {
namespace {

using nlohmann::json;

// Largest body of an action request: three 200-character texts as escaped UTF-8 fit.
constexpr size_t kMaxActionBody = 16 * 1024;

constexpr const char* kDescribedMembers[] = {"kind",         "subtype", "name",      "organization", "jurisdiction",
                                             "region",       "status",  "start_day", "end_day"};

Status RefuseUnknownMembers(const json& body, bool with_revision) {
  for (const auto& [name, value] : body.items()) {
    bool found = with_revision && name == "revision";
    for (const char* member : kDescribedMembers) found = found || name == member;
    if (!found) return Status::InvalidArgument("is not a member of this request", name);
  }
  return Status::Ok();
}

bool IsDay(const char* name) { return std::string_view(name) == "start_day" || std::string_view(name) == "end_day"; }

// Member `name` when present: a string, or for a day also null (read as "").
Result<std::optional<std::string>> ReadMember(const json& body, const char* name) {
  const auto value = body.find(name);
  if (value == body.end()) return std::optional<std::string>();
  if (value->is_null() && IsDay(name)) return std::optional<std::string>(std::string());
  if (!value->is_string()) {
    return Status::InvalidArgument(IsDay(name) ? "must be a day, YYYY-MM-DD, or null" : "must be a string", name);
  }
  return std::optional<std::string>(value->get<std::string>());
}

// Reads every described member of `body` into `update` (absent ones stay unset).
Status ReadDescribed(const json& body, cases::ActionUpdate& update) {
  std::optional<std::string>* targets[] = {&update.kind,   &update.subtype, &update.name,
                                           &update.organization, &update.jurisdiction, &update.region,
                                           &update.status, &update.start_day, &update.end_day};
  for (size_t i = 0; i < std::size(kDescribedMembers); ++i) {
    PB_ASSIGN_OR_RETURN(*targets[i], ReadMember(body, kDescribedMembers[i]));
  }
  return Status::Ok();
}

json DayOrNull(const std::string& day) { return day.empty() ? json(nullptr) : json(day); }

}  // namespace

Result<cases::NewAction> DecodeNewAction(const Pistache::Rest::Request& request) {
  PB_ASSIGN_OR_RETURN(const json body, ParseJsonObjectBody(request, kMaxActionBody));
  PB_RETURN_IF_ERROR(RefuseUnknownMembers(body, false));
  cases::ActionUpdate read;
  PB_RETURN_IF_ERROR(ReadDescribed(body, read));
  for (const auto& [value, name] : {std::pair{&read.kind, "kind"}, std::pair{&read.subtype, "subtype"},
                                    std::pair{&read.name, "name"}, std::pair{&read.region, "region"}}) {
    if (!value->has_value()) return Status::InvalidArgument("must be a string", name);
  }
  cases::NewAction action;
  action.kind = *read.kind;
  action.subtype = *read.subtype;
  action.name = *read.name;
  action.region = *read.region;
  action.status = read.status.value_or("planned");
  action.organization = read.organization.value_or("");
  action.jurisdiction = read.jurisdiction.value_or("");
  action.start_day = read.start_day.value_or("");
  action.end_day = read.end_day.value_or("");
  return action;
}

Result<cases::ActionUpdate> DecodeActionUpdate(const Pistache::Rest::Request& request) {
  PB_ASSIGN_OR_RETURN(const json body, ParseJsonObjectBody(request, kMaxActionBody));
  PB_RETURN_IF_ERROR(RefuseUnknownMembers(body, true));
  cases::ActionUpdate update;
  const auto revision = body.find("revision");
  if (revision == body.end() || !revision->is_number_integer() ||
      (revision->is_number_unsigned() &&
       revision->get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))) {
    return Status::InvalidArgument("must be the action's revision, a whole number", "revision");
  }
  update.revision = revision->get<int64_t>();
  PB_RETURN_IF_ERROR(ReadDescribed(body, update));
  return update;
}

cases::ActionQuery DecodeActionQuery(const Pistache::Rest::Request& request) {
  return {QueryParameter(request, "kind"), QueryParameter(request, "status"), QueryParameter(request, "region")};
}

json ActionJson(const store::ActionRecord& action) {
  return {{"id", action.id},
          {"kind", action.kind},
          {"subtype", action.subtype},
          {"name", action.name},
          {"organization", action.organization},
          {"jurisdiction", action.jurisdiction},
          {"region", action.region},
          {"status", action.status},
          {"start_day", DayOrNull(action.start_day)},
          {"end_day", DayOrNull(action.end_day)},
          {"demo", action.demo},
          {"revision", action.revision}};
}

json ActionViewJson(const cases::ActionView& view) {
  json out = ActionJson(view.action);
  out["case_ids"] = view.case_ids;
  return out;
}

json ActionListJson(const std::vector<store::ActionRecord>& actions) {
  json out = json::array();
  for (const auto& action : actions) out.push_back(ActionJson(action));
  return {{"actions", std::move(out)}};
}

}  // namespace pillarbox::http
