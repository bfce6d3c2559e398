#include "reporter/reporter_status.h"

namespace pillarbox::reporter {
namespace {

std::string ClosedWords(std::string_view close_reason) {
  if (close_reason == "actioned") {
    return "Your report has been closed. It was used in the reviewers' work on this harm.";
  }
  if (close_reason == "duplicate") {
    return "Your report has been closed because it repeats a report we already have.";
  }
  if (close_reason == "out_of_scope") {
    return "Your report has been closed because it is outside what this service can act on.";
  }
  if (close_reason == "insufficient") {
    return "Your report has been closed because there was not enough information to act on it.";
  }
  return "Your report has been closed.";
}

}  // namespace

ReporterStatus ReporterStatusOf(std::string_view status, std::string_view close_reason) {
  if (status == "new") return {"received", "We have received your report. A reviewer will read it soon."};
  if (status == "acknowledged") return {"acknowledged", "A reviewer has read your report."};
  if (status == "linked_to_case") {
    return {"grouped", "Your report has been grouped with other reports about the same harm."};
  }
  if (status == "closed") return {"closed", ClosedWords(close_reason)};
  return {"in_review", "Reviewers are looking into your report."};
}

}  // namespace pillarbox::reporter
