// Submission validation rules (declared in intake/validator.h).
#include "intake/validator.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "intake/utf8.h"

namespace pillarbox::intake {
namespace {

constexpr size_t kMaxEchoedNameLength = 64;

// A validated answer: no values when unanswered, one for text, enum and
// year_month, any number for multi_enum.
using Values = std::vector<std::string>;

Status Invalid(const QuestionField& field, std::string message) {
  return Status::InvalidArgument(std::move(message), "answers." + field.name);
}

// The field path for a submitted name, echoed only when it is a plain identifier.
std::string PathForUnknownName(const std::string& name) {
  const bool plain = !name.empty() && name.size() <= kMaxEchoedNameLength &&
                     std::all_of(name.begin(), name.end(),
                                 [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
  return plain ? "answers." + name : "answers";
}

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

Result<Values> ValidateText(const QuestionField& field, const std::string& raw) {
  if (!IsValidUtf8(raw)) return Invalid(field, "is not valid UTF-8 text");
  const bool long_text = field.type == FieldType::kLongText;
  std::string text = long_text ? NormalizeLineBreaks(raw) : raw;
  if (HasForbiddenControl(text, long_text)) return Invalid(field, "contains a control character");
  if (CodePointCount(text) > field.max_length) {
    return Invalid(field, "is longer than " + std::to_string(field.max_length) + " characters");
  }
  if (IsBlank(text)) return Values{};
  return Values{std::move(text)};
}

Result<Values> ValidateEnum(const QuestionField& field, const std::string& value) {
  if (value.empty()) return Values{};
  if (!field.HasOption(value)) return Invalid(field, "is not one of the choices");
  return Values{value};
}

// Returns the chosen values in option order.
Result<Values> ValidateMultiEnum(const QuestionField& field, const std::vector<std::string>& chosen) {
  const size_t limit = field.max_choices != 0 ? field.max_choices : field.options.size();
  std::set<std::string_view> distinct;
  for (const std::string& value : chosen) {
    if (!field.HasOption(value)) return Invalid(field, "is not one of the choices");
    if (!distinct.insert(value).second) return Invalid(field, "lists the same choice twice");
  }
  if (chosen.size() > limit) return Invalid(field, "has more than " + std::to_string(limit) + " choices");
  Values ordered;
  for (const FieldOption& option : field.options) {
    if (distinct.count(option.value) != 0) ordered.push_back(option.value);
  }
  return ordered;
}

bool IsYearMonthShape(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  return month >= 1 && month <= 12;
}

Result<Values> ValidateYearMonth(const QuestionField& field, const std::string& text, std::string_view today) {
  if (text.empty()) return Values{};
  if (!IsYearMonthShape(text)) return Invalid(field, "must be a year and month written YYYY-MM");
  if (text < kEarliestYearMonth) return Invalid(field, "must not be before " + std::string(kEarliestYearMonth));
  if (std::string_view(text) > today.substr(0, 7)) return Invalid(field, "must not be after the current month");
  return Values{text};
}

// Checks the answer's JSON type, then the rules of the field's type.
Result<Values> ValidateAnswer(const QuestionField& field, const AnswerValue& answer, std::string_view today) {
  if (field.type == FieldType::kMultiEnum) {
    const auto* list = std::get_if<std::vector<std::string>>(&answer);
    if (list == nullptr) return Invalid(field, "must be a list of choices");
    return ValidateMultiEnum(field, *list);
  }
  const auto* text = std::get_if<std::string>(&answer);
  if (text == nullptr)
    return Invalid(field, field.type == FieldType::kEnum ? "must be a single choice" : "must be text");
  switch (field.type) {
    case FieldType::kShortText:
    case FieldType::kLongText:
      return ValidateText(field, *text);
    case FieldType::kEnum:
      return ValidateEnum(field, *text);
    case FieldType::kYearMonth:
      return ValidateYearMonth(field, *text, today);
    case FieldType::kMultiEnum:
      break;
  }
  return Status::Internal("unhandled field type");
}

std::string Join(const Values& values) {
  std::string joined;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) joined.push_back('\n');
    joined += values[i];
  }
  return joined;
}

// Puts the validated `values` of `field` where report.h says they belong.
void Place(const QuestionField& field, Values values, Report& report) {
  if (field.storage == Storage::kClear) {
    if (field.name == "region" && !values.empty()) {
      report.region = values.front();
    } else if (field.name == "sector" && !values.empty()) {
      report.sector = values.front();
    } else {
      for (std::string& value : values) report.clear_answers.push_back({field.name, std::move(value)});
    }
    return;
  }
  const bool answered = !values.empty();
  report.sealed_answers.push_back({field.name, Join(values)});
  if (field.storage == Storage::kSealedIndexed && answered)
    report.indexed_answers.push_back(report.sealed_answers.back());
}

Status CheckNamesAreKnown(const Questionnaire& questionnaire, const Submission& submission) {
  for (const auto& [name, answer] : submission.answers) {
    if (questionnaire.FindField(name) == nullptr) {
      return Status::InvalidArgument("is not a question of this form", PathForUnknownName(name));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<Report> ValidateSubmission(const Questionnaire& questionnaire, const Submission& submission,
                                  std::string_view today_utc_day) {
  PB_RETURN_IF_ERROR(CheckNamesAreKnown(questionnaire, submission));
  Report report;
  report.kind = questionnaire.kind;
  for (const QuestionField& field : questionnaire.fields) {
    Values values;
    const auto it = submission.answers.find(field.name);
    if (it != submission.answers.end()) {
      PB_ASSIGN_OR_RETURN(values, ValidateAnswer(field, it->second, today_utc_day));
    }
    if (field.required && values.empty()) return Invalid(field, "is required");
    Place(field, std::move(values), report);
  }
  return report;
}

}  // namespace pillarbox::intake
