// The reporter's own answers as they are shown back to them: in
// questionnaire order, with the question's label, enumerated values turned
// into their option labels. Pure function; thread-safe.
#pragma once

#include <vector>

#include "intake/questionnaire.h"
#include "intake/report.h"
#include "reporter/reporter_view.h"

namespace pillarbox::reporter {

// The answers of `report` (its clear region, sector and clear answers) and
// `opened` (its sealed answers, decrypted; multi-enum values joined by "\n")
// labelled by `questionnaire`. Unanswered fields (no value, or "") are left
// out. Several choices are joined with "\n" in the questionnaire's option
// order; a value that is no longer an option shows as it is, after them.
// When `questionnaire` is null (the kind is no longer served) the field names
// stand in for labels and every answer is listed as stored.
std::vector<ReporterAnswer> LabelAnswers(const intake::Questionnaire* questionnaire,
                                         const intake::SealedReport& report,
                                         const std::vector<intake::PlainAnswer>& opened);

}  // namespace pillarbox::reporter
