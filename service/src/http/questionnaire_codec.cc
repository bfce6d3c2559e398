// JSON questionnaire decoding (declared in http/questionnaire_codec.h).
#include "http/questionnaire_codec.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "common/embedded_file.h"

namespace pillarbox::http {
namespace {

using nlohmann::json;

std::string Join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

template <size_t N>
Status CheckKeys(const json& object, const std::array<std::string_view, N>& allowed, const std::string& path) {
  if (!object.is_object()) return Status::InvalidArgument("must be an object", path);
  for (const auto& [key, value] : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return Status::InvalidArgument("is not a known key", Join(path, key));
    }
  }
  return Status::Ok();
}

// The string at `key`; "" when absent and not `required`.
Result<std::string> GetString(const json& object, std::string_view key, const std::string& path, bool required) {
  const auto it = object.find(key);
  if (it == object.end()) {
    if (required) return Status::InvalidArgument("is missing", Join(path, key));
    return std::string();
  }
  if (!it->is_string()) return Status::InvalidArgument("must be a string", Join(path, key));
  return it->get<std::string>();
}

// The non-negative integer at `key`, or `fallback` when absent.
Result<size_t> GetCount(const json& object, std::string_view key, const std::string& path, size_t fallback) {
  const auto it = object.find(key);
  if (it == object.end()) return fallback;
  if (!it->is_number_unsigned()) return Status::InvalidArgument("must be a non-negative integer", Join(path, key));
  return it->get<size_t>();
}

Result<bool> GetBool(const json& object, std::string_view key, const std::string& path) {
  const auto it = object.find(key);
  if (it == object.end()) return false;
  if (!it->is_boolean()) return Status::InvalidArgument("must be true or false", Join(path, key));
  return it->get<bool>();
}

Result<intake::FieldType> ParseType(const std::string& name, const std::string& path) {
  if (name == "short_text") return intake::FieldType::kShortText;
  if (name == "long_text") return intake::FieldType::kLongText;
  if (name == "enum") return intake::FieldType::kEnum;
  if (name == "multi_enum") return intake::FieldType::kMultiEnum;
  if (name == "year_month") return intake::FieldType::kYearMonth;
  return Status::InvalidArgument("must be short_text, long_text, enum, multi_enum or year_month", path);
}

Result<intake::Storage> ParseStorage(const std::string& name, const std::string& path) {
  if (name == "clear") return intake::Storage::kClear;
  if (name == "sealed") return intake::Storage::kSealed;
  if (name == "sealed+index") return intake::Storage::kSealedIndexed;
  return Status::InvalidArgument("must be clear, sealed or sealed+index", path);
}

Result<std::vector<intake::FieldOption>> DecodeOptions(const json& field, const std::string& path) {
  std::vector<intake::FieldOption> options;
  const auto it = field.find("options");
  if (it == field.end()) return options;
  const std::string options_path = Join(path, "options");
  if (!it->is_array()) return Status::InvalidArgument("must be an array", options_path);
  for (size_t i = 0; i < it->size(); ++i) {
    const json& option = (*it)[i];
    const std::string option_path = Join(options_path, std::to_string(i));
    PB_RETURN_IF_ERROR(CheckKeys(option, std::array<std::string_view, 2>{"value", "label"}, option_path));
    PB_ASSIGN_OR_RETURN(std::string value, GetString(option, "value", option_path, true));
    PB_ASSIGN_OR_RETURN(std::string label, GetString(option, "label", option_path, true));
    options.push_back({std::move(value), std::move(label)});
  }
  return options;
}

constexpr std::array<std::string_view, 9> kFieldKeys = {"name",     "label",      "help",        "type",   "storage",
                                                        "required", "max_length", "max_choices", "options"};

Result<intake::QuestionField> DecodeField(const json& object, const std::string& index_path) {
  PB_RETURN_IF_ERROR(CheckKeys(object, kFieldKeys, index_path));
  intake::QuestionField field;
  PB_ASSIGN_OR_RETURN(field.name, GetString(object, "name", index_path, true));
  const std::string path = "fields." + field.name;
  PB_ASSIGN_OR_RETURN(field.label, GetString(object, "label", path, true));
  PB_ASSIGN_OR_RETURN(field.help, GetString(object, "help", path, false));
  PB_ASSIGN_OR_RETURN(const std::string type, GetString(object, "type", path, true));
  PB_ASSIGN_OR_RETURN(field.type, ParseType(type, Join(path, "type")));
  PB_ASSIGN_OR_RETURN(const std::string storage, GetString(object, "storage", path, true));
  PB_ASSIGN_OR_RETURN(field.storage, ParseStorage(storage, Join(path, "storage")));
  PB_ASSIGN_OR_RETURN(field.required, GetBool(object, "required", path));
  PB_ASSIGN_OR_RETURN(field.options, DecodeOptions(object, path));
  PB_ASSIGN_OR_RETURN(field.max_length, GetCount(object, "max_length", path, 0));
  PB_ASSIGN_OR_RETURN(field.max_choices, GetCount(object, "max_choices", path, field.options.size()));
  return field;
}

constexpr std::array<std::string_view, 4> kTopKeys = {"kind", "title", "description", "fields"};

}  // namespace

Result<intake::Questionnaire> DecodeQuestionnaire(std::string_view text) {
  const json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return Status::InvalidArgument("questionnaire is not valid JSON");
  PB_RETURN_IF_ERROR(CheckKeys(document, kTopKeys, ""));
  intake::Questionnaire questionnaire;
  PB_ASSIGN_OR_RETURN(questionnaire.kind, GetString(document, "kind", "", true));
  PB_ASSIGN_OR_RETURN(questionnaire.title, GetString(document, "title", "", true));
  PB_ASSIGN_OR_RETURN(questionnaire.description, GetString(document, "description", "", false));
  const auto fields = document.find("fields");
  if (fields == document.end() || !fields->is_array()) return Status::InvalidArgument("must be an array", "fields");
  for (size_t i = 0; i < fields->size(); ++i) {
    PB_ASSIGN_OR_RETURN(intake::QuestionField field, DecodeField((*fields)[i], "fields." + std::to_string(i)));
    questionnaire.fields.push_back(std::move(field));
  }
  return questionnaire;
}

Result<intake::QuestionnaireCatalog> LoadEmbeddedQuestionnaires() {
  intake::QuestionnaireCatalog catalog;
  for (const EmbeddedFile& file : EmbeddedQuestionnaires()) {
    const std::string name(file.name);
    Result<intake::Questionnaire> questionnaire = DecodeQuestionnaire(file.content);
    if (!questionnaire.ok()) return questionnaire.status().WithFieldPrefix(name);
    if (name != questionnaire->kind + ".json") {
      return Status::InvalidArgument("file name must be <kind>.json", name);
    }
    PB_RETURN_IF_ERROR(catalog.Add(std::move(questionnaire).value()));
  }
  return catalog;
}

}  // namespace pillarbox::http
