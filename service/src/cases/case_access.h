// Who may work on which case, and how a case's sealed data is opened. A case
// belongs to one desk: only members of that desk (admins and reviewers whose
// session holds the desk's key) see it; for everyone else it is NotFound,
// exactly like a case that does not exist. Partners and researchers get
// PermissionDenied. A case's data key is sealed to its desk's key; its title,
// summary and notes are sealed under the data key with the contexts below.
// Thread-safe (as the Database given).
#pragma once

#include <string>
#include <string_view>

#include "accounts/session_store.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "privacy/envelope.h"
#include "store/case_rows.h"
#include "store/database.h"

namespace pillarbox::cases {

// The sealing context of a case's "title" or "summary". Views `case_id` and
// `field`: they must outlive the context.
privacy::FieldContext CaseFieldContext(std::string_view case_id, std::string_view field);

// The sealing context of case note `note_id`'s body. Views `note_id`.
privacy::FieldContext CaseNoteContext(std::string_view note_id);

// Case `case_id` when `session` may work on it. PermissionDenied for roles
// that never read reports; NotFound ("no such case") when it is malformed,
// missing or on a desk the session is not a member of.
Result<store::CaseRecord> FindVisibleCase(store::Database& db, const accounts::Session& session,
                                          std::string_view case_id);

// The data key of `record`, opened with `session`'s key of the case's desk
// (DeskKeyOf). NotFound when the session holds no key of that version;
// DataLoss when the sealed key does not open.
Result<privacy::SecretKey> OpenCaseKey(store::Database& db, const accounts::Session& session,
                                       const store::CaseRecord& record);

// Opens the sealed `field` ("title" or "summary") of case `case_id` under
// `key`. DataLoss on any mismatch.
Result<std::string> OpenCaseField(const privacy::SecretKey& key, std::string_view case_id, std::string_view field,
                                  privacy::ByteView sealed);

}  // namespace pillarbox::cases
