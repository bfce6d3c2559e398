// Opening a report's data key on the reviewer side: the key is sealed to the
// report's desk (reports.desk_sealed_data_key at desk_key_version) and the
// session holds the desk's private key once its member has signed in. Used by
// every service that reads or writes something sealed under the report's key
// (messages, evidence files). Thread-compatible (as the Database given).
#pragma once

#include <string_view>

#include "accounts/session_store.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/database.h"

namespace pillarbox::cases {

// The data key of report `report_id`, opened with the session's desk key.
// Call it only for a report FindVisibleReport allowed. NotFound when there is
// no such report or the session holds no key of the report's desk version;
// DataLoss when the sealed key fails to open.
Result<privacy::SecretKey> OpenReportDataKey(const accounts::Session& session, store::Database& db,
                                             std::string_view report_id);

}  // namespace pillarbox::cases
