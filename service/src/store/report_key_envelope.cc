#include "store/report_key_envelope.h"

#include <limits>

namespace pillarbox::store {

Result<std::optional<ReportKeyEnvelope>> LoadReportKeyEnvelope(Database& db, std::string_view report_id) {
  static constexpr char kEnvelopeSql[] =
      "SELECT id, desk_id, desk_key_version, desk_sealed_data_key FROM reports WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kEnvelopeSql));
  select->BindText(1, report_id);
  Result<bool> row = select->Step();
  if (!row.ok() || !*row) {
    select->Reset();
    if (!row.ok()) return row.status();
    return std::optional<ReportKeyEnvelope>();
  }
  ReportKeyEnvelope envelope;
  envelope.report_id = select->ColumnText(0);
  envelope.desk_id = select->ColumnText(1);
  const int64_t version = select->ColumnInt64(2);
  envelope.desk_sealed_data_key = select->ColumnBlob(3);
  select->Reset();
  if (version < 1 || version > std::numeric_limits<uint32_t>::max()) return Status::DataLoss("malformed report row");
  envelope.desk_key_version = static_cast<uint32_t>(version);
  return std::optional<ReportKeyEnvelope>(std::move(envelope));
}

}  // namespace pillarbox::store
