// Opening sealed answers (declared in intake/report_opener.h).
#include "intake/report_opener.h"

#include <utility>

#include "intake/report_sealer.h"
#include "privacy/envelope.h"

namespace pillarbox::intake {

Result<std::vector<PlainAnswer>> OpenSealedFields(const std::vector<SealedField>& fields, const std::string& report_id,
                                                  const privacy::SecretKey& data_key) {
  std::vector<PlainAnswer> answers;
  answers.reserve(fields.size());
  for (const SealedField& field : fields) {
    const privacy::FieldContext context{kReportFieldsTable, report_id, field.field, kReportDataKeyVersion};
    Result<std::string> value = privacy::OpenField(data_key, context, field.ciphertext);
    if (!value.ok()) return Status::DataLoss("a sealed answer of the report failed to open");
    answers.push_back({field.field, std::move(value).value()});
  }
  return answers;
}

Result<privacy::SecretKey> UnwrapReporterDataKey(const std::vector<uint8_t>& wrapped, const std::string& report_id,
                                                 const privacy::Receipt& receipt, const privacy::SecretKey& receipt_pepper) {
  const privacy::SecretKey reporter_key = privacy::ReceiptReporterKey(receipt_pepper, receipt);
  Result<privacy::SecretKey> data_key = privacy::UnwrapKey(reporter_key, ReporterWrapPurpose(report_id), wrapped);
  if (!data_key.ok()) return Status::DataLoss("the report's key could not be unwrapped with this receipt");
  return data_key;
}

}  // namespace pillarbox::intake
