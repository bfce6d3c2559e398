// Redaction rows (schema/007: report_redactions): which sealed answer of a
// report, or which byte span of it, a reviewer redacted, when, by whom and
// why (a closed reason). A row never holds the redacted text. Functions, not
// a class: each takes the Database to use. Thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// One row of `report_redactions`. A whole-field redaction has no span.
struct RedactionRecord {
  std::string id;  // 32 random hex digits
  std::string report_id;
  std::string field;
  std::optional<int64_t> span_start;  // byte offsets [start, end) into the decrypted answer
  std::optional<int64_t> span_end;
  std::string reason;       // personal_data, third_party, safety, irrelevant, legal_privilege
  std::string created_by;   // user id
  std::string created_day;  // YYYY-MM-DD
  bool operator==(const RedactionRecord&) const = default;
};

// Inserts `record`. Conflict when the report does not exist or a column
// breaks the schema.
Status InsertRedaction(Database& db, const RedactionRecord& record);

// The redactions of report `report_id`, ordered by field, span start (whole
// fields first), id.
Result<std::vector<RedactionRecord>> ListRedactions(Database& db, std::string_view report_id);

// Deletes redaction `redaction_id` of report `report_id`; true when a row was removed.
Result<bool> DeleteRedaction(Database& db, std::string_view report_id, std::string_view redaction_id);

}  // namespace pillarbox::store
