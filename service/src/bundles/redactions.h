// Redactions: a reviewer of a report's desk marks what of its sealed answers
// a partner must not see: a whole field, or a byte span [start, end) of the
// field's decrypted text (checked by decrypting it: within the text, not
// splitting a UTF-8 character), with a reason from a closed list. Bundles
// (bundles/bundle_assembler.h) apply them. A redaction is recorded (who,
// day, reason) but never holds the text it hides. Adding and removing are
// audited ("report.redaction.added" / ".removed", ids and closed values
// only). A report outside the caller's desks is NotFound, like a missing
// one; partners and researchers get PermissionDenied.
// Thread-safe; Add and Remove block for one commit.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/session_store.h"
#include "bundles/redaction_text.h"
#include "common/clock.h"
#include "common/status.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"
#include "store/redaction_rows.h"

namespace pillarbox::bundles {

// The closed list of reasons for a redaction.
inline constexpr const char* kRedactionReasons[] = {"personal_data", "third_party", "safety", "irrelevant",
                                                    "legal_privilege"};

// True when `reason` is one of kRedactionReasons.
bool IsRedactionReason(std::string_view reason);

// What a reviewer asks to redact.
struct NewRedaction {
  std::string field;              // a sealed answer of the report
  std::optional<TextSpan> span;   // nullopt: the whole field
  std::string reason;             // one of kRedactionReasons
};

class Redactions {
 public:
  // All references must outlive the service.
  Redactions(store::GroupCommitWriter& writer, store::ReaderPool& readers, const privacy::SecretKey& audit_key,
             const Clock& clock);

  // Records `request` on report `report_id` and returns it. NotFound when the
  // report is not visible; InvalidArgument naming "field" (not a sealed answer
  // of the report), "span" (CheckSpan on the decrypted answer) or "reason";
  // DataLoss when the answer fails to decrypt.
  Result<store::RedactionRecord> Add(const accounts::Session& session, std::string_view report_id,
                                     const NewRedaction& request);

  // The redactions of report `report_id`. NotFound when it is not visible.
  Result<std::vector<store::RedactionRecord>> List(const accounts::Session& session, std::string_view report_id);

  // Removes redaction `redaction_id` of report `report_id`. NotFound when the
  // report is not visible or has no such redaction.
  Status Remove(const accounts::Session& session, std::string_view report_id, std::string_view redaction_id);

 private:
  // The decrypted answer `field` of visible report `report_id`.
  Result<std::string> OpenAnswer(const accounts::Session& session, std::string_view report_id,
                                 std::string_view field);

  store::GroupCommitWriter& writer_;
  store::ReaderPool& readers_;
  const privacy::SecretKey& audit_key_;
  const Clock& clock_;
};

}  // namespace pillarbox::bundles
