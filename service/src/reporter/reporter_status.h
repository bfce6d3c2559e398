// What a reporter is told about their report's progress. The reviewers'
// workflow statuses (schema/004: new, acknowledged, in_review, linked_to_case,
// closed + close_reason) map to a small set of reporter-facing codes that
// stay stable: the reporter pages translate a code through their message
// catalog key "status.<code>", and API clients may switch on it.
//
//   internal status   code            words (English)
//   new               "received"      We have received your report. ...
//   acknowledged      "acknowledged"  A reviewer has read your report. ...
//   in_review         "in_review"     Reviewers are looking into your report.
//   linked_to_case    "grouped"       Your report has been grouped with ...
//   closed            "closed"        words depend on the close reason
//
// Internal names, assignees and reviewer identities never reach the reporter.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pillarbox::reporter {

struct ReporterStatus {
  std::string code;   // one of the codes above
  std::string words;  // plain English sentence(s) for API clients
  bool operator==(const ReporterStatus&) const = default;
};

// The reporter-facing status of a report whose workflow status is `status`
// and close reason `close_reason` ("" when none: actioned, insufficient,
// duplicate, out_of_scope). An unknown status (a later schema's) maps to
// "in_review", so a reporter is never shown an internal name.
ReporterStatus ReporterStatusOf(std::string_view status, std::string_view close_reason);

}  // namespace pillarbox::reporter
