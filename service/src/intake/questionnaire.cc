// Lookups on a loaded questionnaire (declared in intake/questionnaire.h).
#include "intake/questionnaire.h"

#include <algorithm>

namespace pillarbox::intake {

bool QuestionField::HasOption(const std::string& value) const {
  return std::any_of(options.begin(), options.end(),
                     [&value](const FieldOption& option) { return option.value == value; });
}

const QuestionField* Questionnaire::FindField(const std::string& name) const {
  for (const QuestionField& field : fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

}  // namespace pillarbox::intake
