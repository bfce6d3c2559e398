// Invariant checks for questionnaires (declared in intake/questionnaire_catalog.h).
#include "intake/questionnaire_catalog.h"

#include <algorithm>
#include <set>
#include <utility>

namespace pillarbox::intake {
namespace {

bool IsIdentifier(std::string_view name) {
  return !name.empty() &&
         std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

bool IsEnumType(FieldType type) { return type == FieldType::kEnum || type == FieldType::kMultiEnum; }

bool IsTextType(FieldType type) { return type == FieldType::kShortText || type == FieldType::kLongText; }

Status CheckOptions(const QuestionField& field, const std::string& path) {
  if (field.options.empty()) return Status::InvalidArgument("a choice question needs options", path);
  std::set<std::string_view> seen;
  for (const FieldOption& option : field.options) {
    if (option.value.empty()) return Status::InvalidArgument("an option value is empty", path);
    if (!seen.insert(option.value).second) return Status::InvalidArgument("an option value is repeated", path);
  }
  return Status::Ok();
}

Status CheckField(const QuestionField& field, const std::string& path) {
  if (!IsIdentifier(field.name)) return Status::InvalidArgument("field name must match [a-z_]+", path);
  if (field.storage == Storage::kClear && !IsEnumType(field.type)) {
    return Status::InvalidArgument("only enum and multi_enum fields may be stored in clear", path);
  }
  if (IsEnumType(field.type)) PB_RETURN_IF_ERROR(CheckOptions(field, path));
  if (IsTextType(field.type) && field.max_length == 0) {
    return Status::InvalidArgument("a text field needs max_length > 0", path);
  }
  return Status::Ok();
}

// region and sector are what every report is triaged and counted by.
Status CheckRequiredClearEnum(const Questionnaire& questionnaire, const std::string& name) {
  const std::string path = questionnaire.kind + ".fields." + name;
  const QuestionField* field = questionnaire.FindField(name);
  if (field == nullptr) return Status::InvalidArgument("every questionnaire needs this field", path);
  if (field->type != FieldType::kEnum || field->storage != Storage::kClear || !field->required) {
    return Status::InvalidArgument("must be a required enum stored in clear", path);
  }
  return Status::Ok();
}

}  // namespace

Status QuestionnaireCatalog::Add(Questionnaire questionnaire) {
  const std::string& kind = questionnaire.kind;
  if (!IsIdentifier(kind)) return Status::InvalidArgument("kind must match [a-z_]+", kind);
  if (by_kind_.count(kind) != 0) return Status::InvalidArgument("kind is defined twice", kind);
  std::set<std::string_view> names;
  for (const QuestionField& field : questionnaire.fields) {
    const std::string path = kind + ".fields." + field.name;
    PB_RETURN_IF_ERROR(CheckField(field, path));
    if (!names.insert(field.name).second) return Status::InvalidArgument("field name is repeated", path);
  }
  PB_RETURN_IF_ERROR(CheckRequiredClearEnum(questionnaire, "region"));
  PB_RETURN_IF_ERROR(CheckRequiredClearEnum(questionnaire, "sector"));
  std::string key = kind;
  by_kind_.emplace(std::move(key), std::move(questionnaire));
  return Status::Ok();
}

const Questionnaire* QuestionnaireCatalog::Find(std::string_view kind) const {
  const auto it = by_kind_.find(kind);
  return it == by_kind_.end() ? nullptr : &it->second;
}

std::vector<std::string> QuestionnaireCatalog::Kinds() const {
  std::vector<std::string> kinds;
  kinds.reserve(by_kind_.size());
  for (const auto& [kind, questionnaire] : by_kind_) kinds.push_back(kind);
  return kinds;  // std::map keeps them sorted
}

}  // namespace pillarbox::intake
