// Envelope encryption of a report (declared in intake/report_sealer.h).
#include "intake/report_sealer.h"

#include "privacy/blind_index.h"
#include "privacy/envelope.h"

namespace pillarbox::intake {

std::string ReporterWrapPurpose(std::string_view report_id) {
  return "reports.reporter_wrapped_data_key|" + std::string(report_id);
}

SealedReport SealReport(const Report& report, const std::string& report_id, const std::string& received_day,
                        const DeskKey& desk, const privacy::Receipt& receipt, const privacy::InstanceKeys& keys) {
  SealedReport sealed;
  sealed.id = report_id;
  sealed.kind = report.kind;
  sealed.desk_id = desk.desk_id;
  sealed.desk_key_version = desk.key_version;
  sealed.received_day = received_day;
  sealed.region = report.region;
  sealed.sector = report.sector;
  sealed.clear_answers = report.clear_answers;

  const privacy::SecretKey data_key = privacy::SecretKey::Random();
  for (const PlainAnswer& answer : report.sealed_answers) {
    const privacy::FieldContext context{kReportFieldsTable, report_id, answer.field, kReportDataKeyVersion};
    sealed.sealed_fields.push_back({answer.field, privacy::SealField(data_key, context, answer.value)});
  }
  for (const PlainAnswer& answer : report.indexed_answers) {
    sealed.blind_indexes.push_back(
        {answer.field, privacy::BlindIndex(keys.blind_index_key(), answer.field, answer.value)});
  }
  sealed.desk_sealed_data_key = privacy::SealKeyTo(desk.public_key, data_key);
  const privacy::SecretKey reporter_key = privacy::ReceiptReporterKey(keys.receipt_pepper(), receipt);
  sealed.reporter_wrapped_data_key = privacy::WrapKey(reporter_key, ReporterWrapPurpose(report_id), data_key);
  sealed.lookup_id = privacy::ReceiptLookupId(keys.receipt_pepper(), receipt);
  return sealed;
}

}  // namespace pillarbox::intake
