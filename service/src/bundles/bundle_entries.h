// The contents of an evidence bundle, built from what the assembler gathered
// (bundles/bundle_assembler.h): pure functions, no I/O, so they are tested
// on their own. Entries:
//   case.json                 title, status, created day, pillars and linked
//                             actions, number of reports; no summary (free
//                             reviewer text that cannot be redacted), no
//                             reviewer names or ids
//   pillars.json, actions.json
//   reports/<n>/answers.json  report n's clear metadata and answers with the
//                             redactions applied ("[redacted]" markers)
//   reports/<n>/files/<k>.<ext>  the chosen evidence files (see FilePath)
//   custody.json              the audit entries about the case, its reports
//                             and their files, with seq and chain MACs (hex),
//                             and the audit head at assembly time
// Reports are numbered 1, 2, ... per bundle (oldest first): partners never
// see internal report, case, file or user ids. In custody.json every such id
// is replaced by its alias ("case", "report-<n>", "report-<n>/file-<k>",
// "staff-<k>", "ref-<k>"), consistently, while seq and MACs stay as stored,
// so the instance can match each entry to its log (`pillarbox audit verify`).
// Thread-safe (no state).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "audit/audit_entry.h"
#include "common/status.h"
#include "intake/report.h"
#include "store/action_rows.h"
#include "store/redaction_rows.h"
#include "store/report_queries.h"

namespace pillarbox::bundles {

// One report as gathered (decrypted), with what applies to it.
struct ReportSource {
  store::ReportSummary summary;
  std::vector<intake::ClearAnswer> clear_answers;
  std::vector<intake::PlainAnswer> answers;  // decrypted sealed answers
  std::vector<store::RedactionRecord> redactions;
  std::vector<std::string> file_ids;         // chosen evidence files, in bundle order
  std::vector<std::string> file_extensions;  // parallel to file_ids
};

// Everything a bundle's JSON entries are made of.
struct BundleSource {
  std::string case_id;
  std::string case_title;  // decrypted
  std::string case_status;
  std::string case_created_day;
  std::vector<std::string> pillars;
  std::vector<store::ActionRecord> actions;
  std::vector<ReportSource> reports;  // in ordinal order (1, 2, ...)
  std::vector<audit::AuditEntry> custody;  // seq order
  int64_t head_seq = 0;
  std::string head_tag_hex;  // "" when the log is empty
};

// The path of file `file_number` (1-based) of report `ordinal`.
std::string FilePath(int64_t ordinal, int64_t file_number, std::string_view extension);

// Report `report`'s answers with its redactions applied: a whole-field
// redaction gives "[redacted]", spans are merged and each run becomes
// "[redacted]". InvalidArgument naming "span" when a stored span no longer
// fits its answer (the bundle is then refused rather than leak).
Result<std::vector<intake::PlainAnswer>> RedactedAnswers(const ReportSource& report);

// The JSON entries (path, content) of `source`, in bundle order: case.json,
// pillars.json, actions.json, reports/<n>/answers.json..., custody.json.
Result<std::vector<std::pair<std::string, std::string>>> BuildJsonEntries(const BundleSource& source);

}  // namespace pillarbox::bundles
