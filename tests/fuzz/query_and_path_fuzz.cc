// Fuzz target: request targets (path and query string). The input is the
// target of a GET request line; Pistache's own parser (the one the server
// runs) splits it, a Pistache router with the shapes of Pillarbox's routes
// extracts the path parameter, and our readers run on the result:
// http/query_parameter.h (QueryParameter, QueryWholeNumber), the triage
// filter (http/triage_codec.h DecodeTriageQuery/DecodeLimit ->
// cases::ParseTriageFilter) and id checks (cases::IsRandomId,
// cases::IsCalendarDay). Properties checked:
// - QueryParameter gives the percent-decoded value when it decodes to valid
//   UTF-8 and the raw value otherwise;
// - QueryWholeNumber accepts exactly the canonical decimal spellings of an
//   int64 (optionally with leading zeros or a '-') and otherwise names its
//   parameter;
// - ParseTriageFilter rejects with InvalidArgument naming one of the
//   filter's parameters, and a filter it accepts only holds closed values
//   (ids are random ids, days are calendar days);
// - IsRandomId(x) holds exactly for 32 lowercase hex digits.
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include <pistache/http.h>
#include <pistache/router.h>

#include "app/triage_vocabulary.h"
#include "cases/calendar_day.h"
#include "cases/report_access.h"
#include "cases/triage_filter.h"
#include "http/form_body.h"
#include "http/query_parameter.h"
#include "http/triage_codec.h"

namespace {

using namespace pillarbox;
namespace Rest = Pistache::Rest;

void Require(bool condition) {
  if (!condition) std::abort();
}

bool LooksLikeRandomId(std::string_view id) {
  if (id.size() != 32) return false;
  for (const char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

void CheckQueryParameters(const Rest::Request& request) {
  const auto& query = request.query();
  for (auto it = query.parameters_begin(); it != query.parameters_end(); ++it) {
    const std::optional<std::string> value = http::QueryParameter(request, it->first);
    Require(value.has_value());
    const auto decoded = http::DecodeFormComponent(it->second);
    Require(*value == (decoded.ok() ? *decoded : it->second));
    const auto number = http::QueryWholeNumber(request, it->first, 7);
    if (number.ok()) {
      int64_t expected = 0;
      const auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), expected);
      Require(!value->empty() && error == std::errc() && end == value->data() + value->size() && *number == expected);
    } else {
      Require(number.status().code() == StatusCode::kInvalidArgument && number.status().field() == it->first);
    }
  }
  const auto absent = http::QueryWholeNumber(request, "\x01-absent", 7);
  Require(query.has("\x01-absent") || (absent.ok() && *absent == 7));
}

void CheckTriageFilter(const Rest::Request& request) {
  static const auto vocabulary = app::LoadTriageVocabulary();
  Require(vocabulary.ok());
  static const std::set<std::string> kParameters = {"kind",   "desk", "region",   "sector", "status", "tag",
                                                    "pillar", "assignee", "from", "to",     "overdue"};
  const std::string caller(32, 'a');
  const auto filter = cases::ParseTriageFilter(http::DecodeTriageQuery(request), *vocabulary, caller);
  if (!filter.ok()) {
    Require(filter.status().code() == StatusCode::kInvalidArgument && kParameters.count(filter.status().field()) == 1);
  } else {
    Require(filter->tag_id.empty() || cases::IsRandomId(filter->tag_id));
    Require(filter->assignee_id.empty() || cases::IsRandomId(filter->assignee_id));
    Require(filter->from_day.empty() || cases::IsCalendarDay(filter->from_day));
    Require(filter->to_day.empty() || cases::IsCalendarDay(filter->to_day));
    Require(filter->kind.empty() || vocabulary->kinds.count(filter->kind) == 1);
  }
  const auto limit = http::DecodeLimit(request);
  Require(limit.ok() || limit.status().field() == "limit");
}

Rest::Route::Result CheckItem(const Rest::Request& request, Pistache::Http::ResponseWriter) {
  CheckQueryParameters(request);
  const std::string id = request.param(":id").as<std::string>();
  Require(cases::IsRandomId(id) == LooksLikeRandomId(id));
  const size_t dot = id.find('.');
  if (dot != std::string::npos && cases::IsCalendarDay(id.substr(0, dot))) Require(dot == 10);
  return Rest::Route::Result::Ok;
}

Rest::Route::Result CheckQueue(const Rest::Request& request, Pistache::Http::ResponseWriter) {
  CheckQueryParameters(request);
  CheckTriageFilter(request);
  return Rest::Route::Result::Ok;
}

// Only sizes the unused response writer's buffer.
class NoHandler : public Pistache::Http::Handler {
 public:
  HTTP_PROTOTYPE(NoHandler)
  void onRequest(const Pistache::Http::Request&, Pistache::Http::ResponseWriter) override {}
};

Rest::Router& Router() {
  static Rest::Router* router = [] {
    auto* made = new Rest::Router;
    Rest::Routes::Get(*made, "/api/v1/reports", Rest::Routes::bind(&CheckQueue));
    Rest::Routes::Get(*made, "/api/v1/reports/:id", Rest::Routes::bind(&CheckItem));
    Rest::Routes::Get(*made, "/api/v1/cases/:id/events", Rest::Routes::bind(&CheckItem));
    // Unrouted targets: nothing to check, and the writer must stay unused.
    made->addNotFoundHandler([](const Rest::Request&, Pistache::Http::ResponseWriter) {
      return Rest::Route::Result::Ok;
    });
    return made;
  }();
  return *router;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string target(reinterpret_cast<const char*>(data), size);
  if (target.find_first_of(" \r\n") != std::string::npos) return 0;  // one request-line token
  const std::string request_text = "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n";
  Pistache::Http::Private::ParserImpl<Pistache::Http::Request> parser(64 * 1024);
  if (!parser.feed(request_text.data(), request_text.size())) return 0;
  try {
    if (parser.parse() != Pistache::Http::Private::State::Done) return 0;
  } catch (const std::exception&) {
    return 0;  // Pistache answers 400 itself
  }
  // Values are checked inside the handlers; the writer is never used.
  static NoHandler handler;
  Pistache::Http::ResponseWriter writer(Pistache::Http::Version::Http11, nullptr, &handler, {});
  try {
    Router().route(parser.request, std::move(writer));
  } catch (const std::runtime_error&) {
    // Pistache refuses an empty resource itself (400 in the server)
  }
  return 0;
}
