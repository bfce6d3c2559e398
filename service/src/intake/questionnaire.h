// Questionnaire: the declared shape of one kind of report (schema/questionnaires/<kind>.json).
// Every field declares how it is stored; only closed enumerations may be clear.
// Immutable after loading; safe to share between threads.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace pillarbox::intake {

enum class FieldType {
  kShortText,  // one line, at most max_length code points
  kLongText,   // free text, at most max_length code points
  kEnum,       // one value out of options
  kMultiEnum,  // an array of distinct values out of options, at most max_choices
  kYearMonth,  // "YYYY-MM", not after the current month, not before 1990
};

enum class Storage {
  kClear,          // stored in clear for triage and statistics (enums only)
  kSealed,         // encrypted under the report's data key
  kSealedIndexed,  // encrypted, plus a blind index of the normalized value
};

struct FieldOption {
  std::string value;  // stable machine value, e.g. "europe"
  std::string label;  // English label shown to reporters
};

struct QuestionField {
  std::string name;   // key in "answers", [a-z_]+
  std::string label;  // English question text
  std::string help;   // English hint, may be empty
  FieldType type = FieldType::kShortText;
  Storage storage = Storage::kSealed;
  bool required = false;
  size_t max_length = 0;   // text types: code points
  size_t max_choices = 0;  // kMultiEnum: at most this many values
  std::vector<FieldOption> options;  // enum types

  // True when `value` is one of options.
  bool HasOption(const std::string& value) const;
};

struct Questionnaire {
  std::string kind;   // e.g. "voice_cloning"
  std::string title;  // English title
  std::string description;
  std::vector<QuestionField> fields;  // in display order

  // The field named `name`, or nullptr.
  const QuestionField* FindField(const std::string& name) const;
};

}  // namespace pillarbox::intake
