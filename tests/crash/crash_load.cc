#include "crash_load.h"

#include <random>

#include "crash_api.h"
#include "report_form.h"
#include "report_payloads.h"

namespace pillarbox::testing {
namespace {

template <typename T>
const T& Pick(std::mt19937_64& rng, const std::vector<T>& items) {
  return items[rng() % items.size()];
}

// Reports the reviewer may edit and cases it may link to.
std::vector<std::string> Keys(const auto& map) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : map) keys.push_back(key);
  return keys;
}

}  // namespace

std::pair<std::string, std::string> NextStatus(const std::string& status) {
  if (status == "new") return {"acknowledged", ""};
  if (status == "acknowledged") return {"in_review", ""};
  if (status == "in_review") return {"closed", "insufficient"};
  if (status == "linked_to_case") return {"closed", "duplicate"};
  return {"in_review", ""};  // reopen
}

CrashLoad::CrashLoad(LoadPlan plan, CrashLedger& ledger) : plan_(std::move(plan)), ledger_(ledger) {
  for (int t = 0; t < plan_.submitters; ++t) threads_.emplace_back([this, t] { Submit(t); });
  if (!plan_.reviewer_token.empty()) threads_.emplace_back([this] { Review(); });
}

CrashLoad::~CrashLoad() { Stop(); }

void CrashLoad::Stop() {
  stop_ = true;
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

void CrashLoad::Submit(int thread_index) {
  std::mt19937_64 rng(plan_.seed + static_cast<uint64_t>(thread_index) * 7919);
  const std::vector<std::string> kinds = Keys(plan_.questionnaires);
  const bool via_form = thread_index % 2 == 1;
  HttpClient client(plan_.port);
  for (int n = 0; !stop_; ++n) {
    const std::string kind = Pick(rng, kinds);
    const std::string canary = plan_.canary_prefix + "t" + std::to_string(thread_index) + "n" + std::to_string(n);
    const nlohmann::json body = BuildReport(plan_.questionnaires.at(kind), canary);
    std::string form_token;
    if (via_form) {
      const HttpResponse page = client.Get("/report/" + kind);
      if (page.status == 0) return;
      form_token = TokenIn(page.body);
      if (page.status != 200 || form_token.empty()) {
        ledger_.Fail("the form page answered " + std::to_string(page.status) + " without a token");
        return;
      }
    }
    Submission submission;
    submission.canary = canary;
    submission.body = body;
    submission.via_form = via_form;
    const size_t index = ledger_.AddSubmission(std::move(submission));
    const HttpResponse response =
        via_form ? client.Request("POST", "/report/" + kind, FormBody(body["answers"], form_token), kFormType)
                 : client.PostJson("/api/v1/reports", body.dump());
    if (response.status == 0) {
      ledger_.Resolve(index, SubmissionState::kUnknown);
      return;
    }
    const std::string receipt = via_form ? ReceiptInPage(response.body) : JsonOf(response).value("receipt", "");
    if (response.status == (via_form ? 200 : 201) && !receipt.empty()) {
      ledger_.Resolve(index, SubmissionState::kAcknowledged, receipt);
    } else {
      ledger_.Resolve(index, SubmissionState::kRefused);
    }
  }
}

// One reviewer edit at a time, so at most one is in flight at the kill.
void CrashLoad::Review() {
  std::mt19937_64 rng(plan_.seed ^ 0x5eedULL);
  HttpClient client(plan_.port);
  for (int n = 0; !stop_; ++n) {
    const auto reports = ledger_.Reports();
    const auto cases = ledger_.Cases();
    const int roll = static_cast<int>(rng() % 100);
    PendingEdit edit;
    std::string method;
    std::string path;
    std::optional<nlohmann::json> body;
    if (reports.empty() || roll < 8 || (cases.empty() && roll >= 85)) {
      edit.new_case_title = "case " + plan_.canary_prefix + " " + std::to_string(n);
      method = "POST";
      path = "/api/v1/cases";
      body = nlohmann::json{{"desk", Pick(rng, plan_.desks)}, {"title", edit.new_case_title}};
    } else {
      edit.report_id = Pick(rng, Keys(reports));
      ReportModel after = reports.at(edit.report_id);
      if (roll < 45) {
        const auto [status, reason] = NextStatus(after.status);
        method = "POST";
        path = "/api/v1/reports/" + edit.report_id + "/status";
        body = nlohmann::json{{"status", status}, {"revision", after.revision}};
        if (!reason.empty()) (*body)["reason"] = reason;
        after.status = status;
        ++after.revision;
      } else if (roll < 65) {
        const std::string pillar = Pick(rng, plan_.pillars);
        const bool has = after.pillars.count(pillar) != 0;
        method = has ? "DELETE" : "PUT";
        path = "/api/v1/reports/" + edit.report_id + "/pillars/" + pillar;
        if (has) {
          after.pillars.erase(pillar);
        } else {
          after.pillars.insert(pillar);
        }
      } else if (roll < 85) {
        const std::string note = "note " + plan_.canary_prefix + " " + std::to_string(n);
        method = "POST";
        path = "/api/v1/reports/" + edit.report_id + "/notes";
        body = nlohmann::json{{"body", note}};
        after.notes.push_back(note);
      } else {
        edit.case_id = Pick(rng, Keys(cases));
        CaseModel case_after = cases.at(edit.case_id);
        const bool changed = case_after.reports.insert(edit.report_id).second;
        if (changed && (after.status == "new" || after.status == "acknowledged" || after.status == "in_review")) {
          after.status = "linked_to_case";
          ++after.revision;
        }
        method = "POST";
        path = "/api/v1/cases/" + edit.case_id + "/reports";
        body = nlohmann::json{{"report_id", edit.report_id}};
        edit.case_after = std::move(case_after);
      }
      edit.report_after = std::move(after);
    }
    ledger_.BeginEdit(edit);
    const HttpResponse response = CallApi(client, plan_.reviewer_token, method, path, body);
    if (response.status == 0) return;  // in flight at the kill: the checks resolve it
    if (response.status != 200 && response.status != 201) {
      ledger_.Fail(method + " " + path + " answered " + std::to_string(response.status) + ": " + response.body);
      ledger_.DropEdit();
      continue;
    }
    const nlohmann::json answer = JsonOf(response);
    if (!edit.new_case_title.empty()) {
      ledger_.SetCase(answer.value("id", ""), CaseModel{edit.new_case_title, {}});
    } else if (path.ends_with("/status") &&
               (answer.value("status", "") != edit.report_after->status ||
                answer.value("revision", int64_t{-1}) != edit.report_after->revision)) {
      ledger_.Fail(path + " answered a state the model does not expect: " + response.body);
    } else if (path.find("/pillars/") != std::string::npos &&
               answer["pillars"].get<std::set<std::string>>() != edit.report_after->pillars) {
      ledger_.Fail(path + " answered pillars the model does not expect: " + response.body);
    }
    ledger_.AcknowledgeEdit();
  }
}

}  // namespace pillarbox::testing
