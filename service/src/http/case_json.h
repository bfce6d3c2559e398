// JSON codecs of the case API: request bodies of the case routes decoded
// into the cases/ request types (named-field errors, unknown members
// refused), and cases, notes and link outcomes encoded for responses.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "cases/case_editor.h"
#include "cases/case_linker.h"
#include "cases/case_merger.h"
#include "cases/case_notebook.h"
#include "cases/case_reader.h"
#include "common/status.h"

namespace Pistache::Rest {
class Request;
}

namespace pillarbox::http {

// Largest body of a case request: a 20,000-character summary or note as
// escaped UTF-8 fits.
inline constexpr size_t kMaxCaseBody = 160 * 1024;

// {"desk", "title", "summary"?}. InvalidArgument naming the member.
Result<cases::NewCase> DecodeNewCase(const Pistache::Rest::Request& request);
// {"revision", "title"?, "summary"?, "status"?}. InvalidArgument naming the member.
Result<cases::CaseUpdate> DecodeCaseUpdate(const Pistache::Rest::Request& request);
// A body holding exactly one string member `name` (e.g. "report_id", "body", "into").
Result<std::string> DecodeSingleString(const Pistache::Rest::Request& request, const char* name);

// {id, desk, status, merged_into, created_day, revision}: a new case.
nlohmann::json CaseCreatedJson(const store::CaseRecord& record);
// {cases: [... + title, report_count, tags, pillars], next}: a page of the list.
nlohmann::json CaseListJson(const cases::CasePage& page);
// An opened case: clear columns, title, summary, visible reports, hidden
// report count, tags, pillars, action ids and timeline.
nlohmann::json CaseViewJson(const cases::CaseView& view);
// {id, revision, changed}: the answer of a link change.
nlohmann::json LinkOutcomeJson(const std::string& case_id, const cases::LinkOutcome& outcome);
// {id, author, author_id, created_at} and, when `with_body`, the decrypted body.
nlohmann::json NoteJson(const cases::CaseNote& note, bool with_body);
// {id, status: merged, merged_into, target_revision, reports_moved}.
nlohmann::json MergeJson(const std::string& source_id, const std::string& target_id,
                         const cases::MergeOutcome& outcome);

}  // namespace pillarbox::http
