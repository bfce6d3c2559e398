// InsertSealedReport: the rows of one sealed report (reports, report_fields,
// report_clear_answers, report_blind_indexes), written synchronously. Used by
// SqliteReportStore on the writer thread, and directly by tests and benchmarks.
// Thread-compatible (as the Database it writes to).
#pragma once

#include "common/status.h"
#include "intake/report.h"
#include "store/database.h"

namespace pillarbox::store {

// Inserts every row of `report` inside one savepoint: either all rows are
// written or none is. Works alone (then it commits on return) and inside an
// open transaction (then it commits with it). Conflict when a report with the
// same id or lookup_id exists, or when a row breaks a schema constraint (e.g.
// an unknown desk); Unavailable on an I/O error; Internal otherwise.
Status InsertSealedReport(Database& db, const intake::SealedReport& report);

}  // namespace pillarbox::store
