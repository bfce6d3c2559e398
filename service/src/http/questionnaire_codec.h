// Decoding questionnaires (schema/questionnaires/<kind>.json) into
// intake::Questionnaire. Stateless; thread-safe.
#pragma once

#include <string_view>

#include "common/status.h"
#include "intake/questionnaire.h"
#include "intake/questionnaire_catalog.h"

namespace pillarbox::http {

// Decodes one questionnaire document:
// {"kind","title","description","fields":[{"name","label","help","type",
// "storage","required","max_length","max_choices","options":[{"value","label"}]}]}
// "help", "required" (default false), "max_length", "max_choices" (default:
// the number of options) and "options" may be left out; any other key is an
// error. Returns InvalidArgument naming the bad key as a path, e.g.
// "fields.summary.storage" (or "fields.3" before the name is known). Checks
// only the shape; QuestionnaireCatalog::Add checks the invariants.
Result<intake::Questionnaire> DecodeQuestionnaire(std::string_view json);

// Decodes and adds every questionnaire compiled into the binary
// (EmbeddedQuestionnaires()). Each file must be named "<kind>.json". Errors
// carry the file name as a prefix of their field path; the service must not
// start with one.
Result<intake::QuestionnaireCatalog> LoadEmbeddedQuestionnaires();

}  // namespace pillarbox::http
