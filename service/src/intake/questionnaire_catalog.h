// QuestionnaireCatalog: the questionnaires the service accepts, by kind.
// Filled once at start-up (Add), then only read: const methods are safe to
// call from several threads at once.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "intake/questionnaire.h"

namespace pillarbox::intake {

class QuestionnaireCatalog {
 public:
  // Adds `questionnaire` after checking its invariants:
  // - kind and every field name match [a-z_]+; field names are unique;
  // - "clear" storage only for enum and multi_enum fields;
  // - enum and multi_enum fields have options, with distinct non-empty values;
  // - text fields have max_length > 0;
  // - required clear enums named "region" and "sector" exist.
  // Returns InvalidArgument with field "<kind>.fields.<name>" (or "<kind>"
  // for a bad or duplicate kind) and changes nothing when one is broken.
  Status Add(Questionnaire questionnaire);

  // The questionnaire for `kind`, or nullptr. Valid while the catalog lives
  // and is not modified.
  const Questionnaire* Find(std::string_view kind) const;

  // Every kind, sorted.
  std::vector<std::string> Kinds() const;

 private:
  std::map<std::string, Questionnaire, std::less<>> by_kind_;
};

}  // namespace pillarbox::intake
