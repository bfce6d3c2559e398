#include "store/sqlite_report_store.h"

#include <utility>

#include "store/report_rows.h"

namespace pillarbox::store {

Status SqliteReportStore::Insert(intake::SealedReport report, Completion done) {
  return writer_.Submit([report = std::move(report)](Database& db) { return InsertSealedReport(db, report); },
                        std::move(done));
}

}  // namespace pillarbox::store
