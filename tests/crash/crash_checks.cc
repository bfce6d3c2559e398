#include "crash_checks.h"

#include <algorithm>
#include <sstream>

#include "crash_api.h"
#include "instance_inspector.h"
#include "store/database.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

std::set<std::string> Lines(const std::string& text) {
  std::set<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.insert(line);
  return lines;
}

std::set<std::string> Values(const nlohmann::json& sent) {
  if (sent.is_string()) return {sent.get<std::string>()};
  return sent.get<std::set<std::string>>();
}

// A stored value (multi-choice answers one per line) against the sent one.
bool SameAnswer(const nlohmann::json& sent, const nlohmann::json& stored) {
  if (stored.is_array()) return stored.get<std::set<std::string>>() == Values(sent);
  if (!stored.is_string()) return false;
  if (sent.is_string()) return stored.get<std::string>() == sent.get<std::string>();
  return Lines(stored.get<std::string>()) == Values(sent);
}

std::set<std::string> FieldsOfType(const nlohmann::json& questionnaire, const std::set<std::string>& types) {
  std::set<std::string> names;
  for (const auto& field : questionnaire["fields"]) {
    if (types.count(field.value("type", "")) != 0) names.insert(field["name"].get<std::string>());
  }
  return names;
}

std::set<std::string> SealedFields(const nlohmann::json& questionnaire) {
  std::set<std::string> names;
  for (const auto& field : questionnaire["fields"]) {
    if (field.value("storage", "sealed") != "clear") names.insert(field["name"].get<std::string>());
  }
  return names;
}

// The canary of a submission from its stored summary answer.
std::string CanaryOf(const nlohmann::json& answers) {
  const std::string summary = answers.value("summary", "");
  const size_t at = summary.find("-summary-");
  return at == std::string::npos ? "" : summary.substr(0, at);
}

std::string Describe(const ReportModel& model, size_t note_count) {
  std::string text = model.status + " r" + std::to_string(model.revision) + " pillars{";
  for (const auto& pillar : model.pillars) text += pillar + " ";
  return text + "} notes " + std::to_string(note_count);
}

struct Observed {
  std::string status;
  int64_t revision = -1;
  std::set<std::string> pillars;
  size_t notes = 0;
};

bool Matches(const Observed& seen, const ReportModel& model) {
  return seen.status == model.status && seen.revision == model.revision && seen.pillars == model.pillars &&
         seen.notes == model.notes.size();
}

// Rows of a two-column query, first column to the set of second ones.
std::map<std::string, std::set<std::string>> Pairs(store::Database& db, const char* sql) {
  std::map<std::string, std::set<std::string>> pairs;
  auto statement = db.Prepare(sql);
  if (!statement.ok()) return pairs;
  while (true) {
    auto row = (*statement)->Step();
    if (!row.ok() || !*row) break;
    pairs[(*statement)->ColumnText(0)].insert((*statement)->ColumnText(1));
  }
  return pairs;
}

}  // namespace

CrashChecker::CrashChecker(std::string data_dir, std::map<std::string, nlohmann::json> questionnaires,
                           CrashLedger& ledger)
    : data_dir_(std::move(data_dir)), questionnaires_(std::move(questionnaires)), ledger_(ledger) {}

void CrashChecker::CoverEverything() {
  receipts_offline_done_ = 0;
  receipts_online_done_ = 0;
  const ReportModel untouched{"new", 0, {}, {}};  // each was read back when first stored
  for (const auto& [id, model] : ledger_.Reports()) {
    if (!(model == untouched)) reports_seen_.erase(id);
  }
  cases_seen_.clear();
}

void CrashChecker::CheckOffline() {
  const std::string db_path = data_dir_ + "/pillarbox.db";
  {
    auto db = store::Database::Open(db_path, store::OpenMode::kReadOnly);
    if (!db.ok()) return ledger_.Fail("the database does not open: " + db.status().ToString());
    auto check = (*db)->Prepare("PRAGMA integrity_check");
    if (!check.ok() || !(*check)->Step().ok() || (*check)->ColumnText(0) != "ok") {
      ledger_.Fail("PRAGMA integrity_check is not ok");
    }
  }
  const CommandResult audit = RunPillarbox({"audit", "verify", "--data", data_dir_});
  if (audit.exit_code != 0) ledger_.Fail("pillarbox audit verify failed: " + audit.out + audit.err);
  CheckStoredReports();
  CheckReceiptsOffline();
  CheckModelAgainstTables();
}

void CrashChecker::CheckStoredReports() {
  auto db = store::Database::Open(data_dir_ + "/pillarbox.db", store::OpenMode::kReadOnly);
  if (!db.ok()) return;
  auto rows = (*db)->Prepare(
      "SELECT r.id, r.kind, length(r.desk_sealed_data_key), length(r.reporter_wrapped_data_key), "
      "(SELECT count(*) FROM report_fields f WHERE f.report_id = r.id) FROM reports r");
  if (!rows.ok()) return ledger_.Fail("reports query: " + rows.status().ToString());
  stored_report_ids_.clear();
  while (true) {
    auto row = (*rows)->Step();
    if (!row.ok() || !*row) break;
    const std::string id = (*rows)->ColumnText(0);
    const std::string kind = (*rows)->ColumnText(1);
    stored_report_ids_.insert(id);
    const auto questionnaire = questionnaires_.find(kind);
    if (questionnaire == questionnaires_.end()) {
      ledger_.Fail("report " + id + " of unknown kind " + kind);
      continue;
    }
    const auto sealed = static_cast<int64_t>(SealedFields(questionnaire->second).size());
    if ((*rows)->ColumnInt64(2) <= 0 || (*rows)->ColumnInt64(3) <= 0 || (*rows)->ColumnInt64(4) != sealed) {
      ledger_.Fail("report " + id + " is half-present: data keys " + std::to_string((*rows)->ColumnInt64(2)) + "/" +
                   std::to_string((*rows)->ColumnInt64(3)) + " bytes, " + std::to_string((*rows)->ColumnInt64(4)) +
                   " of " + std::to_string(sealed) + " sealed fields");
    }
  }
  const auto stored = static_cast<int64_t>(stored_report_ids_.size());
  const int64_t acknowledged = ledger_.CountIn(SubmissionState::kAcknowledged);
  const int64_t cut_off = ledger_.CountIn(SubmissionState::kUnknown);
  if (stored < acknowledged || stored > acknowledged + cut_off) {
    ledger_.Fail(std::to_string(stored) + " reports stored for " + std::to_string(acknowledged) +
                 " acknowledged and " + std::to_string(cut_off) + " cut off by kills");
  }
}

void CrashChecker::CheckReceiptsOffline() {
  const std::vector<size_t> acknowledged = ledger_.Acknowledged();
  auto opener = ReceiptOpener::Create(data_dir_);
  if (!opener.ok()) return ledger_.Fail("the files do not open: " + opener.status().ToString());
  for (; receipts_offline_done_ < acknowledged.size(); ++receipts_offline_done_) {
    const Submission submission = ledger_.SubmissionAt(acknowledged[receipts_offline_done_]);
    auto opened = (*opener)->Open(submission.receipt);
    if (!opened.ok()) {
      ledger_.Fail("acknowledged receipt of " + submission.canary + " does not open: " + opened.status().ToString());
      continue;
    }
    const auto& questionnaire = questionnaires_.at(submission.body["kind"].get<std::string>());
    const std::set<std::string> sealed = SealedFields(questionnaire);
    bool same = opened->size() == sealed.size();
    for (const auto& [field, value] : *opened) {
      same = same && sealed.count(field) != 0 && SameAnswer(submission.body["answers"][field], value);
    }
    if (!same) ledger_.Fail("receipt of " + submission.canary + " opens answers that differ from those sent");
    ++counters_.receipts_opened_offline;
  }
}

void CrashChecker::CheckModelAgainstTables() {
  auto db = store::Database::Open(data_dir_ + "/pillarbox.db", store::OpenMode::kReadOnly);
  if (!db.ok()) return;
  std::map<std::string, Observed> observed;
  auto rows = (*db)->Prepare("SELECT id, status, revision FROM reports");
  if (!rows.ok()) return ledger_.Fail("reports query failed");
  while (true) {
    auto row = (*rows)->Step();
    if (!row.ok() || !*row) break;
    observed[(*rows)->ColumnText(0)] = {(*rows)->ColumnText(1), (*rows)->ColumnInt64(2), {}, 0};
  }
  for (const auto& [id, pillars] : Pairs(**db, "SELECT report_id, pillar FROM report_pillars")) {
    observed[id].pillars = pillars;
  }
  for (const auto& [id, notes] : Pairs(**db, "SELECT report_id, id FROM report_notes")) observed[id].notes = notes.size();
  const auto links = Pairs(**db, "SELECT case_id, report_id FROM case_reports");
  const auto case_ids = Pairs(**db, "SELECT id, status FROM cases");

  const std::optional<PendingEdit> pending = ledger_.Pending();
  int applied = 0;  // of the pending edit's parts: found applied (+1) or absent (-1)
  int parts = 0;
  for (const auto& [id, model] : ledger_.Reports()) {
    const auto seen = observed.find(id);
    if (seen == observed.end()) {
      ledger_.Fail("report " + id + " vanished");
      continue;
    }
    if (Matches(seen->second, model)) {
      if (pending && pending->report_id == id && pending->report_after && !(*pending->report_after == model)) {
        --applied;
        ++parts;
      }
    } else if (pending && pending->report_id == id && pending->report_after &&
               Matches(seen->second, *pending->report_after)) {
      ledger_.SetReport(id, *pending->report_after);
      ++applied;
      ++parts;
    } else {
      ledger_.Fail("report " + id + " shows " + Describe(model, seen->second.notes) + " in the model but " +
                   seen->second.status + " r" + std::to_string(seen->second.revision) + " with " +
                   std::to_string(seen->second.pillars.size()) + " pillars and " +
                   std::to_string(seen->second.notes) + " notes stored");
    }
  }
  const auto cases = ledger_.Cases();
  for (const auto& [id, model] : cases) {
    if (case_ids.count(id) == 0) {
      ledger_.Fail("case " + id + " vanished");
      continue;
    }
    const auto found = links.find(id);
    const std::set<std::string> linked = found == links.end() ? std::set<std::string>{} : found->second;
    if (linked == model.reports) {
      if (pending && pending->case_id == id && pending->case_after && !(*pending->case_after == model)) {
        --applied;
        ++parts;
      }
    } else if (pending && pending->case_id == id && pending->case_after && linked == pending->case_after->reports) {
      ledger_.SetCase(id, *pending->case_after);
      ++applied;
      ++parts;
    } else {
      ledger_.Fail("case " + id + " links " + std::to_string(linked.size()) + " reports, the model " +
                   std::to_string(model.reports.size()));
    }
  }
  for (const auto& [id, status] : case_ids) {
    if (cases.count(id) != 0) continue;
    if (pending && !pending->new_case_title.empty() && applied == 0) {
      ledger_.SetCase(id, CaseModel{pending->new_case_title, {}});  // its title is read back online
      ++applied;
      ++parts;
    } else {
      ledger_.Fail("case " + id + " is stored but was never acknowledged");
    }
  }
  if (pending && applied != parts && applied != -parts) {
    ledger_.Fail("the edit in flight at the kill is half applied");
  }
  if (pending) ++(applied > 0 ? counters_.edits_cut_applied : counters_.edits_cut_absent);
  ledger_.DropEdit();
}

void CrashChecker::CheckOnline(uint16_t port, const std::string& token) {
  SignInReceipts(port);
  if (token.empty()) return;
  OpenNewReports(port, token);
  CompareChangedObjects(port, token);
}

void CrashChecker::SignInReceipts(uint16_t port) {
  HttpClient client(port);
  const std::vector<size_t> acknowledged = ledger_.Acknowledged();
  for (; receipts_online_done_ < acknowledged.size(); ++receipts_online_done_) {
    const Submission submission = ledger_.SubmissionAt(acknowledged[receipts_online_done_]);
    const HttpResponse session =
        CallApi(client, "", "POST", "/api/v1/reporter/session", nlohmann::json{{"receipt", submission.receipt}});
    const std::string reporter_token = JsonOf(session).value("token", "");
    if (session.status != 201 || reporter_token.empty()) {
      ledger_.Fail("acknowledged receipt of " + submission.canary + " does not sign in: " +
                   std::to_string(session.status));
      continue;
    }
    const HttpResponse report = CallApi(client, reporter_token, "GET", "/api/v1/reporter/report");
    const nlohmann::json shown = JsonOf(report);
    const std::string kind = submission.body["kind"];
    const std::set<std::string> texts = FieldsOfType(questionnaires_.at(kind), {"short_text", "long_text"});
    size_t texts_equal = 0;
    if (report.status == 200 && shown.value("kind", "") == kind) {
      for (const auto& answer : shown["answers"]) {
        const std::string field = answer.value("field", "");
        if (texts.count(field) != 0 && answer.value("value", "") == submission.body["answers"][field]) ++texts_equal;
      }
    }
    if (texts_equal != texts.size() || shown["answers"].size() != submission.body["answers"].size()) {
      ledger_.Fail("the reporter API shows the report of " + submission.canary + " differently: " + report.body);
    }
    CallApi(client, reporter_token, "POST", "/api/v1/reporter/logout");
    ++counters_.receipts_signed_in;
  }
}

void CrashChecker::OpenNewReports(uint16_t port, const std::string& token) {
  HttpClient client(port);
  const auto known = ledger_.Reports();
  for (const std::string& id : stored_report_ids_) {
    if (known.count(id) != 0) continue;
    const HttpResponse response = CallApi(client, token, "GET", "/api/v1/reports/" + id);
    const nlohmann::json report = JsonOf(response);
    if (response.status != 200) {
      ledger_.Fail("stored report " + id + " does not open as a reviewer: " + std::to_string(response.status));
      continue;
    }
    const std::string canary = CanaryOf(report["answers"]);
    const auto index = ledger_.FindByCanary(canary);
    if (!index) {
      ledger_.Fail("stored report " + id + " matches no submission");
      continue;
    }
    const Submission submission = ledger_.SubmissionAt(*index);
    if (submission.state != SubmissionState::kAcknowledged && submission.state != SubmissionState::kUnknown) {
      ledger_.Fail("report " + id + " is stored for a submission that was refused");
    }
    if (!matched_canaries_.insert(canary).second) ledger_.Fail("submission " + canary + " is stored twice");
    const nlohmann::json& sent = submission.body["answers"];
    nlohmann::json shown = report["answers"];
    for (const char* clear_column : {"region", "sector"}) {  // clear metadata beside the answers
      if (report.contains(clear_column)) shown[clear_column] = report[clear_column];
    }
    std::string differs = shown.size() == sent.size() ? "" : "the number of answers";
    if (report.value("kind", "") != submission.body["kind"]) differs = "kind";
    for (const auto& [field, value] : shown.items()) {
      if (!sent.contains(field) || !SameAnswer(sent[field], value)) differs = field;
    }
    if (!differs.empty()) {
      ledger_.Fail("report " + id + " opens answers that differ from those of " + canary + " (" + differs +
                   "): " + shown.dump() + " sent " + sent.dump());
    }
    if (report.value("status", "") != "new" || report.value("revision", int64_t{-1}) != 0) {
      ledger_.Fail("new report " + id + " is not new at revision 0");
    }
    ReportModel model{"new", 0, report["pillars"].get<std::set<std::string>>(), {}};
    if (!model.pillars.empty()) ledger_.Fail("new report " + id + " has pillars");
    ledger_.SetReport(id, model);
    reports_seen_[id] = model;
    ++counters_.reports_opened;
    if (submission.state == SubmissionState::kUnknown) ++counters_.unacknowledged_stored;
  }
}

void CrashChecker::CompareChangedObjects(uint16_t port, const std::string& token) {
  HttpClient client(port);
  for (const auto& [id, model] : ledger_.Reports()) {
    const auto seen = reports_seen_.find(id);
    if (seen != reports_seen_.end() && seen->second == model) continue;
    const nlohmann::json report = JsonOf(CallApi(client, token, "GET", "/api/v1/reports/" + id));
    const nlohmann::json notes = JsonOf(CallApi(client, token, "GET", "/api/v1/reports/" + id + "/notes"));
    std::vector<std::string> bodies;
    if (notes.contains("notes")) {
      for (const auto& note : notes["notes"]) bodies.push_back(note.value("body", ""));
    }
    std::vector<std::string> expected_bodies = model.notes;  // notes of one second come in any order
    std::sort(bodies.begin(), bodies.end());
    std::sort(expected_bodies.begin(), expected_bodies.end());
    const bool same = report.value("status", "") == model.status &&
                      report.value("revision", int64_t{-1}) == model.revision && report.contains("pillars") &&
                      report["pillars"].get<std::set<std::string>>() == model.pillars && bodies == expected_bodies;
    if (!same) ledger_.Fail("report " + id + " reads back differently from the model: " + report.dump());
    reports_seen_[id] = model;
    ++counters_.objects_compared;
  }
  for (const auto& [id, model] : ledger_.Cases()) {
    const auto seen = cases_seen_.find(id);
    if (seen != cases_seen_.end() && seen->second == model) continue;
    const nlohmann::json shown = JsonOf(CallApi(client, token, "GET", "/api/v1/cases/" + id));
    std::set<std::string> reports;
    if (shown.contains("reports")) {
      for (const auto& report : shown["reports"]) reports.insert(report.value("id", ""));
    }
    if (shown.value("title", "") != model.title || reports != model.reports) {
      ledger_.Fail("case " + id + " reads back differently from the model: " + shown.dump());
    }
    cases_seen_[id] = model;
    ++counters_.objects_compared;
  }
}

}  // namespace pillarbox::testing
