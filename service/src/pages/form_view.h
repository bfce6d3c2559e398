// The questionnaire form as template data: one view per field, built from
// intake::Questionnaire and the reporter's FormState.
// - short_text -> <input type=text>, long_text -> <textarea>,
//   year_month -> <input type=month>, enum -> a radio group in a fieldset
//   with a legend, multi_enum -> checkboxes in a fieldset;
// - every input has an id its <label for> names (options: one label each);
// - "required" is written in the label, not shown by colour only;
// - help text and the field's error are linked with aria-describedby, and a
//   field with an error has aria-invalid="true";
// - the error summary lists each error with a link to its field.
// Pure functions; safe to call from several threads.
#pragma once

#include <string>

#include <mstch/mstch.hpp>

#include "common/status.h"
#include "intake/questionnaire.h"
#include "pages/form_state.h"
#include "pages/message_catalog.h"

namespace pillarbox::pages {

// The id of field `name`'s input (or fieldset): "field-<name>".
std::string FieldId(const std::string& name);

// Adds "fields" (one map per field, in questionnaire order), "errors" (the
// summary entries, in the same order), "has_errors" and "form_error" to
// `view`. `max_month` ("YYYY-MM") bounds month inputs.
void AddFormFields(const intake::Questionnaire& questionnaire, const FormState& state, const MessageCatalog& messages,
                   const std::string& language, const std::string& max_month, mstch::map& view);

// The catalog text for the validator's error `status` on `field` (e.g.
// "Please answer this question." for "is required"), in `language`.
std::string FieldErrorText(const Status& status, const intake::QuestionField& field, const MessageCatalog& messages,
                           const std::string& language);

}  // namespace pillarbox::pages
