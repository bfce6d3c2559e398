#include "reporter/report_answers.h"

#include <algorithm>
#include <string>

namespace pillarbox::reporter {
namespace {

// Splits `joined` at "\n" (how a sealed multiple-choice answer is stored).
std::vector<std::string> SplitLines(const std::string& joined) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t end = joined.find('\n'); end != std::string::npos; end = joined.find('\n', start)) {
    parts.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  parts.push_back(joined.substr(start));
  return parts;
}

bool IsEnumerated(const intake::QuestionField& field) {
  return field.type == intake::FieldType::kEnum || field.type == intake::FieldType::kMultiEnum;
}

// The raw values given for `field`, wherever the report keeps them.
std::vector<std::string> ValuesOf(const intake::QuestionField& field, const intake::SealedReport& report,
                                  const std::vector<intake::PlainAnswer>& opened) {
  if (field.name == "region") return {report.region};
  if (field.name == "sector") return {report.sector};
  std::vector<std::string> values;
  for (const intake::ClearAnswer& answer : report.clear_answers) {
    if (answer.field == field.name) values.push_back(answer.value);
  }
  for (const intake::PlainAnswer& answer : opened) {
    if (answer.field != field.name || answer.value.empty()) continue;
    if (!IsEnumerated(field)) return {answer.value};
    for (std::string& part : SplitLines(answer.value)) values.push_back(std::move(part));
  }
  return values;
}

// The labels of `values` in the questionnaire's option order, then any value
// that is no longer an option, as it is.
std::vector<std::string> OptionLabels(const intake::QuestionField& field, const std::vector<std::string>& values) {
  std::vector<std::string> labels;
  for (const intake::FieldOption& option : field.options) {
    if (std::find(values.begin(), values.end(), option.value) != values.end()) labels.push_back(option.label);
  }
  for (const std::string& value : values) {
    if (!field.HasOption(value)) labels.push_back(value);
  }
  return labels;
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string joined;
  for (const std::string& part : parts) {
    if (!joined.empty()) joined += '\n';
    joined += part;
  }
  return joined;
}

std::vector<ReporterAnswer> Unlabelled(const intake::SealedReport& report,
                                       const std::vector<intake::PlainAnswer>& opened) {
  std::vector<ReporterAnswer> answers{{"region", "region", report.region}, {"sector", "sector", report.sector}};
  for (const intake::ClearAnswer& answer : report.clear_answers) {
    answers.push_back({answer.field, answer.field, answer.value});
  }
  for (const intake::PlainAnswer& answer : opened) {
    if (!answer.value.empty()) answers.push_back({answer.field, answer.field, answer.value});
  }
  return answers;
}

}  // namespace

std::vector<ReporterAnswer> LabelAnswers(const intake::Questionnaire* questionnaire,
                                         const intake::SealedReport& report,
                                         const std::vector<intake::PlainAnswer>& opened) {
  if (questionnaire == nullptr) return Unlabelled(report, opened);
  std::vector<ReporterAnswer> answers;
  for (const intake::QuestionField& field : questionnaire->fields) {
    const std::vector<std::string> values = ValuesOf(field, report, opened);
    if (values.empty() || (values.size() == 1 && values[0].empty())) continue;
    answers.push_back({field.name, field.label, Joined(IsEnumerated(field) ? OptionLabels(field, values) : values)});
  }
  return answers;
}

}  // namespace pillarbox::reporter
