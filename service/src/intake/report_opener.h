// Opening a sealed report's answers, for reviewers (with the desk-opened data
// key) and for reporters coming back with their receipt. Stateless;
// thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "intake/report.h"
#include "privacy/bytes.h"
#include "privacy/instance_secret.h"
#include "privacy/receipt.h"

namespace pillarbox::intake {

// Opens each of `fields` of report `report_id` with `data_key`, in the
// context SealReport used. Returns the plaintexts in the same order, or
// DataLoss if any one fails to open (never a partial list).
Result<std::vector<PlainAnswer>> OpenSealedFields(const std::vector<SealedField>& fields, const std::string& report_id,
                                                  const privacy::SecretKey& data_key);

// Unwraps report `report_id`'s data key from its reporter_wrapped_data_key
// with the reporter key derived from `receipt` and `receipt_pepper` (the
// pepper whose lookup id found the report: InstanceKeys::receipt_peppers()).
// DataLoss when the receipt, the pepper, the report id or any byte of
// `wrapped` does not match.
Result<privacy::SecretKey> UnwrapReporterDataKey(const std::vector<uint8_t>& wrapped, const std::string& report_id,
                                                 const privacy::Receipt& receipt, const privacy::SecretKey& receipt_pepper);

}  // namespace pillarbox::intake
