// ValidateSubmission: checks a decoded submission against its questionnaire and
// builds the plaintext Report. Pure function; thread-safe.
#pragma once

#include <string_view>

#include "common/status.h"
#include "intake/questionnaire.h"
#include "intake/report.h"
#include "intake/submission.h"

namespace pillarbox::intake {

// Earliest month a year_month answer may name.
inline constexpr std::string_view kEarliestYearMonth = "1990-01";

// Validates `submission` (whose kind the caller matched to `questionnaire`)
// against every rule of `questionnaire`. `today_utc_day` is "YYYY-MM-DD" and
// bounds year_month answers. On the first broken rule returns InvalidArgument
// with field "answers.<name>" (just "answers" for a name that is not a plain
// [a-z0-9_] identifier of at most 64 characters) and a message that never
// contains the submitted value. The rules:
// - every answer names a field of the questionnaire;
// - required fields are answered (whitespace-only text or an empty choice
//   list counts as unanswered);
// - text and enum answers are strings, multi_enum answers are lists;
// - enum values are among the options; multi_enum values are distinct,
//   among the options and at most max_choices;
// - text is valid UTF-8, at most max_length code points ("is longer than N
//   characters"), without control characters (long_text allows \n and \t;
//   a \r\n line break is first turned into \n);
// - year_month is "YYYY-MM", not before kEarliestYearMonth nor after the
//   month of `today_utc_day`.
// On success the Report is laid out as report.h describes; clear multi_enum
// values are listed in option order.
Result<Report> ValidateSubmission(const Questionnaire& questionnaire, const Submission& submission,
                                  std::string_view today_utc_day);

}  // namespace pillarbox::intake
