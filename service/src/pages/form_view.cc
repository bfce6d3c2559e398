#include "pages/form_view.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace pillarbox::pages {
namespace {

using intake::FieldType;
using intake::QuestionField;

bool IsChoice(FieldType type) { return type == FieldType::kEnum || type == FieldType::kMultiEnum; }

// The validator's message prefixes (intake/validator.cc) and their catalog keys.
struct ErrorKey {
  std::string_view message_prefix;
  std::string_view key;
};
constexpr ErrorKey kErrorKeys[] = {
    {"is required", "error.required"},
    {"is longer than", "error.too_long"},
    {"has more than", "error.too_many_choices"},
    {"is not one of the choices", "error.not_a_choice"},
    {"lists the same choice twice", "error.not_a_choice"},
    {"must be a single choice", "error.not_a_choice"},
    {"must be a list of choices", "error.not_a_choice"},
    {"must be a year and month", "error.month_format"},
    {"must not be before", "error.month_too_early"},
    {"must not be after", "error.month_in_future"},
    {"is not valid UTF-8", "error.bad_text"},
    {"contains a control character", "error.bad_text"},
};

std::string Join(const std::vector<std::string>& parts) {
  std::string joined;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!joined.empty()) joined.push_back(' ');
    joined += part;
  }
  return joined;
}

// The help shown under the label: the questionnaire's hint plus the rule a
// reporter needs to know (length, number of choices, month format).
std::string HelpText(const QuestionField& field, const MessageCatalog& messages, const std::string& language) {
  std::vector<std::string> parts{field.help};
  if (field.type == FieldType::kYearMonth) parts.push_back(messages.Text(language, "form.month_format"));
  if (field.type == FieldType::kMultiEnum && field.max_choices != 0 && field.max_choices < field.options.size()) {
    parts.push_back(messages.Format(language, "form.choose_up_to", {{"n", std::to_string(field.max_choices)}}));
  }
  return Join(parts);
}

mstch::array OptionViews(const QuestionField& field, const std::vector<std::string>& chosen) {
  mstch::array options;
  const bool radio = field.type == FieldType::kEnum;
  for (size_t i = 0; i < field.options.size(); ++i) {
    const auto& option = field.options[i];
    const bool checked = std::find(chosen.begin(), chosen.end(), option.value) != chosen.end();
    options.push_back(mstch::map{
        {"option_id", FieldId(field.name) + "-" + option.value},
        {"value", option.value},
        {"option_label", option.label},
        {"checked", checked},
        {"input_type", std::string(radio ? "radio" : "checkbox")},
        {"radio_required", radio && field.required && i == 0},
    });
  }
  return options;
}

// The id a summary link points at: the input itself, or a choice's first option.
std::string TargetId(const QuestionField& field) {
  if (IsChoice(field.type) && !field.options.empty()) return FieldId(field.name) + "-" + field.options.front().value;
  return FieldId(field.name);
}

mstch::map FieldView(const QuestionField& field, const FormState& state, const MessageCatalog& messages,
                     const std::string& language, const std::string& max_month) {
  const std::string id = FieldId(field.name);
  const auto values = state.values.find(field.name);
  const std::vector<std::string> chosen = values == state.values.end() ? std::vector<std::string>{} : values->second;
  const auto error = state.field_errors.find(field.name);
  const bool has_error = error != state.field_errors.end();
  const std::string help = HelpText(field, messages, language);
  const std::string help_id = help.empty() ? "" : id + "-help";
  const std::string error_id = has_error ? id + "-error" : "";
  return mstch::map{
      {"name", field.name},
      {"id", id},
      {"label", field.label},
      {"help", help},
      {"help_id", help_id},
      {"required", field.required},
      {"has_error", has_error},
      {"error", has_error ? error->second : std::string()},
      {"error_id", error_id},
      {"describedby", Join({help_id, error_id})},
      {"value", chosen.empty() ? std::string() : chosen.front()},
      {"max_length", std::to_string(field.max_length)},
      {"max_month", max_month},
      {"is_text", !IsChoice(field.type)},
      {"is_choice", IsChoice(field.type)},
      {"is_short_text", field.type == FieldType::kShortText},
      {"is_long_text", field.type == FieldType::kLongText},
      {"is_year_month", field.type == FieldType::kYearMonth},
      {"options", OptionViews(field, chosen)},
  };
}

}  // namespace

std::string FieldId(const std::string& name) { return "field-" + name; }

void AddFormFields(const intake::Questionnaire& questionnaire, const FormState& state, const MessageCatalog& messages,
                   const std::string& language, const std::string& max_month, mstch::map& view) {
  mstch::array fields;
  mstch::array errors;
  for (const QuestionField& field : questionnaire.fields) {
    fields.push_back(FieldView(field, state, messages, language, max_month));
    const auto error = state.field_errors.find(field.name);
    if (error == state.field_errors.end()) continue;
    errors.push_back(mstch::map{{"target_id", TargetId(field)}, {"label", field.label}, {"message", error->second}});
  }
  view["has_errors"] = !errors.empty();
  view["fields"] = std::move(fields);
  view["errors"] = std::move(errors);
  view["form_error"] = state.form_error;
}

std::string FieldErrorText(const Status& status, const QuestionField& field, const MessageCatalog& messages,
                           const std::string& language) {
  for (const ErrorKey& entry : kErrorKeys) {
    if (status.message().rfind(entry.message_prefix, 0) != 0) continue;
    const size_t limit = entry.key == "error.too_many_choices" ? field.max_choices : field.max_length;
    return messages.Format(language, entry.key, {{"n", std::to_string(limit)}});
  }
  return messages.Text(language, "error.invalid");
}

}  // namespace pillarbox::pages
