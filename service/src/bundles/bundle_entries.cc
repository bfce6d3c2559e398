#include "bundles/bundle_entries.h"

#include <nlohmann/json.hpp>

#include "bundles/redaction_text.h"
#include "cases/report_access.h"
#include "privacy/bytes.h"

namespace pillarbox::bundles {
namespace {

using nlohmann::json;

std::string Dump(const json& value) { return value.dump(2, ' ', false, json::error_handler_t::replace) + "\n"; }

// Replaces internal ids by the aliases partners see.
class Aliases {
 public:
  explicit Aliases(const BundleSource& source) {
    known_[source.case_id] = "case";
    for (size_t r = 0; r < source.reports.size(); ++r) {
      const std::string report = "report-" + std::to_string(r + 1);
      known_[source.reports[r].summary.id] = report;
      for (size_t f = 0; f < source.reports[r].file_ids.size(); ++f) {
        known_[source.reports[r].file_ids[f]] = report + "/file-" + std::to_string(f + 1);
      }
    }
  }

  std::string Actor(const std::string& actor) { return cases::IsRandomId(actor) ? Alias(actor, "staff-") : actor; }

  std::string Id(const std::string& id) { return cases::IsRandomId(id) ? Alias(id, "ref-") : id; }

  // "k=v;k=v" with each id value aliased.
  std::string Detail(const std::string& detail) {
    std::string out;
    size_t start = 0;
    while (start <= detail.size()) {
      size_t end = detail.find(';', start);
      if (end == std::string::npos) end = detail.size();
      const std::string pair = detail.substr(start, end - start);
      const size_t eq = pair.find('=');
      if (!out.empty() || start > 0) out += ';';
      out += eq == std::string::npos ? pair : pair.substr(0, eq + 1) + Id(pair.substr(eq + 1));
      start = end + 1;
    }
    return out;
  }

 private:
  std::string Alias(const std::string& id, const char* prefix) {
    const auto found = known_.find(id);
    if (found != known_.end()) return found->second;
    const std::string alias = prefix + std::to_string(++counters_[prefix]);
    known_[id] = alias;
    return alias;
  }

  std::map<std::string, std::string> known_;
  std::map<std::string, int> counters_;
};

json ActionJson(const store::ActionRecord& action) {
  return {{"kind", action.kind},     {"subtype", action.subtype},         {"name", action.name},
          {"organization", action.organization}, {"jurisdiction", action.jurisdiction},
          {"region", action.region}, {"status", action.status},           {"start_day", action.start_day},
          {"end_day", action.end_day}};
}

Result<std::string> AnswersEntry(const ReportSource& report, int64_t ordinal) {
  PB_ASSIGN_OR_RETURN(const auto answers, RedactedAnswers(report));
  json clear = json::object();
  for (const auto& answer : report.clear_answers) clear[answer.field].push_back(answer.value);
  json sealed = json::array();
  for (const auto& answer : answers) sealed.push_back({{"field", answer.field}, {"value", answer.value}});
  json files = json::array();
  for (size_t f = 0; f < report.file_ids.size(); ++f) {
    files.push_back(FilePath(ordinal, static_cast<int64_t>(f + 1), report.file_extensions[f]));
  }
  return Dump({{"report", ordinal},
               {"kind", report.summary.kind},
               {"region", report.summary.region},
               {"sector", report.summary.sector},
               {"received_day", report.summary.received_day},
               {"status", report.summary.status},
               {"clear_answers", clear},
               {"answers", sealed},
               {"redaction_marker", kRedactedMarker},
               {"files", files}});
}

std::string CustodyEntry(const BundleSource& source) {
  Aliases aliases(source);
  json entries = json::array();
  for (const auto& entry : source.custody) {
    entries.push_back({{"seq", entry.seq},
                       {"at", entry.at},
                       {"actor", aliases.Actor(entry.actor)},
                       {"action", entry.action},
                       {"object_type", entry.object_type},
                       {"object_id", aliases.Id(entry.object_id)},
                       {"detail", aliases.Detail(entry.detail)},
                       {"prev_mac", privacy::ToHex(entry.prev_mac)},
                       {"mac", privacy::ToHex(entry.mac)}});
  }
  return Dump({{"note",
                "Audit entries about this case and its reports, in log order. Internal ids are replaced by "
                "aliases; seq, prev_mac and mac are as stored, so the instance can match each entry to its "
                "tamper-evident log."},
               {"entries", entries},
               {"head", {{"seq", source.head_seq}, {"tag", source.head_tag_hex}}}});
}

}  // namespace

std::string FilePath(int64_t ordinal, int64_t file_number, std::string_view extension) {
  bool plain = !extension.empty() && extension.size() <= 8;
  for (char c : extension) plain = plain && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
  return "reports/" + std::to_string(ordinal) + "/files/" + std::to_string(file_number) + "." +
         (plain ? std::string(extension) : std::string("bin"));
}

Result<std::vector<intake::PlainAnswer>> RedactedAnswers(const ReportSource& report) {
  std::vector<intake::PlainAnswer> out;
  for (const auto& answer : report.answers) {
    bool whole = false;
    std::vector<TextSpan> spans;
    for (const auto& redaction : report.redactions) {
      if (redaction.field != answer.field) continue;
      if (!redaction.span_start.has_value() || !redaction.span_end.has_value()) {
        whole = true;
      } else {
        spans.push_back({*redaction.span_start, *redaction.span_end});
      }
    }
    PB_ASSIGN_OR_RETURN(std::string value, ApplyRedactions(answer.value, whole, spans));
    out.push_back({answer.field, std::move(value)});
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> BuildJsonEntries(const BundleSource& source) {
  std::vector<std::pair<std::string, std::string>> entries;
  json actions = json::array();
  for (const auto& action : source.actions) actions.push_back(ActionJson(action));
  entries.emplace_back("case.json", Dump({{"title", source.case_title},
                                          {"status", source.case_status},
                                          {"created_day", source.case_created_day},
                                          {"pillars", source.pillars},
                                          {"actions", actions},
                                          {"report_count", source.reports.size()}}));
  entries.emplace_back("pillars.json", Dump({{"pillars", source.pillars}}));
  entries.emplace_back("actions.json", Dump({{"actions", actions}}));
  for (size_t r = 0; r < source.reports.size(); ++r) {
    const auto ordinal = static_cast<int64_t>(r + 1);
    PB_ASSIGN_OR_RETURN(std::string answers, AnswersEntry(source.reports[r], ordinal));
    entries.emplace_back("reports/" + std::to_string(ordinal) + "/answers.json", std::move(answers));
  }
  entries.emplace_back("custody.json", CustodyEntry(source));
  return entries;
}

}  // namespace pillarbox::bundles
