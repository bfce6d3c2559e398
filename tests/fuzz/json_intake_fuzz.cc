// Fuzz target: the JSON intake path of POST /api/v1/reports: the body is
// decoded (http/submission_codec.h) and validated against the embedded
// questionnaire of its kind (intake/validator.h). Properties checked:
// - nlohmann/json round trip (OSS-Fuzz's parse-dump-parse): a body that
//   parses dumps to text that parses to an equal value and dumps identically;
// - every rejection is InvalidArgument; a validator rejection names a field
//   ("answers" or "answers.<name>"), a decoder rejection names "" or a plain
//   key, and no message carries a byte a reporter sent (non-ASCII, control);
// - a validated report, turned back into a submission, validates to the
//   same report (validation is idempotent: nothing is normalized twice).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/questionnaire_codec.h"
#include "http/submission_codec.h"
#include "intake/validator.h"

namespace {

using namespace pillarbox;

constexpr std::string_view kToday = "2026-11-23";

void Require(bool condition) {
  if (!condition) std::abort();
}

bool PlainPath(std::string_view field) {
  for (const char c : field) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) return false;
  }
  return true;
}

// Fixed English text only: a byte the client chose (UTF-8, controls) would
// mean the message echoes input.
bool SafeMessage(std::string_view message) {
  if (message.empty() || message.size() > 200) return false;
  for (const char c : message) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) return false;
  }
  return true;
}

void CheckJsonRoundTrip(std::string_view body) {
  const nlohmann::json first = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (first.is_discarded()) return;
  const std::string dumped = first.dump();
  const nlohmann::json second = nlohmann::json::parse(dumped, nullptr, false);
  Require(!second.is_discarded());
  Require(second == first);
  Require(second.dump() == dumped);
}

// The submission a client would send to get `report` again.
intake::Submission Resubmission(const intake::Questionnaire& questionnaire, const intake::Report& report) {
  intake::Submission submission;
  submission.kind = report.kind;
  submission.answers["region"] = report.region;
  submission.answers["sector"] = report.sector;
  auto is_multi = [&questionnaire](const std::string& name) {
    const intake::QuestionField* field = questionnaire.FindField(name);
    Require(field != nullptr);
    return field->type == intake::FieldType::kMultiEnum;
  };
  for (const auto& answer : report.clear_answers) {
    if (is_multi(answer.field)) {
      auto* list = std::get_if<std::vector<std::string>>(&submission.answers[answer.field]);
      if (list == nullptr) {
        submission.answers[answer.field] = std::vector<std::string>{};
        list = std::get_if<std::vector<std::string>>(&submission.answers[answer.field]);
      }
      list->push_back(answer.value);
    } else {
      submission.answers[answer.field] = answer.value;
    }
  }
  for (const auto& answer : report.sealed_answers) {
    if (answer.value.empty()) continue;
    if (!is_multi(answer.field)) {
      submission.answers[answer.field] = answer.value;
      continue;
    }
    std::vector<std::string> values;
    size_t start = 0;
    for (;;) {
      const size_t end = answer.value.find('\n', start);
      values.push_back(answer.value.substr(start, end == std::string::npos ? std::string::npos : end - start));
      if (end == std::string::npos) break;
      start = end + 1;
    }
    submission.answers[answer.field] = values;
  }
  return submission;
}

bool SamePlain(const std::vector<intake::PlainAnswer>& a, const std::vector<intake::PlainAnswer>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].field != b[i].field || a[i].value != b[i].value) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto catalog = http::LoadEmbeddedQuestionnaires();
  Require(catalog.ok());
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  CheckJsonRoundTrip(body);

  const auto submission = http::DecodeSubmission(body);
  if (!submission.ok()) {
    Require(submission.status().code() == StatusCode::kInvalidArgument);
    Require(PlainPath(submission.status().field()) && SafeMessage(submission.status().message()));
    return 0;
  }
  const intake::Questionnaire* questionnaire = catalog->Find(submission->kind);
  if (questionnaire == nullptr) return 0;  // IntakeService: 400 naming "kind"
  const auto report = intake::ValidateSubmission(*questionnaire, *submission, kToday);
  if (!report.ok()) {
    const Status& status = report.status();
    Require(status.code() == StatusCode::kInvalidArgument);
    Require(status.field() == "answers" || status.field().rfind("answers.", 0) == 0);
    Require(PlainPath(status.field()) && SafeMessage(status.message()));
    return 0;
  }
  Require(report->kind == questionnaire->kind && !report->region.empty() && !report->sector.empty());
  const auto again = intake::ValidateSubmission(*questionnaire, Resubmission(*questionnaire, *report), kToday);
  Require(again.ok());
  Require(again->region == report->region && again->sector == report->sector);
  Require(again->clear_answers == report->clear_answers);
  Require(SamePlain(again->sealed_answers, report->sealed_answers));
  Require(SamePlain(again->indexed_answers, report->indexed_answers));
  return 0;
}
