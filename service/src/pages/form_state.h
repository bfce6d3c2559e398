// FormState: what a reporter typed into a questionnaire form, and what was
// wrong with it, so the form can be shown again with their answers kept and
// each error next to its question. A plain value; no thread-safety concerns.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace pillarbox::pages {

struct FormState {
  // Field name -> submitted values (one for text, enum and month fields, any
  // number for checkboxes), as the browser sent them.
  std::map<std::string, std::vector<std::string>> values;
  // Field name -> the error text to show next to it (already in the page's
  // language; see FieldErrorText).
  std::map<std::string, std::string> field_errors;
  // An error about the whole form (an expired form token), shown at the top.
  std::string form_error;
};

}  // namespace pillarbox::pages
