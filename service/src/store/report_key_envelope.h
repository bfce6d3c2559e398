// A report's data key as the desk holds it (reports.desk_sealed_data_key and
// its desk key version), without loading the report's fields: what is needed
// to seal or open messages under the report's key. Thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

struct ReportKeyEnvelope {
  std::string report_id;
  std::string desk_id;
  uint32_t desk_key_version = 1;
  std::vector<uint8_t> desk_sealed_data_key;  // crypto_box_seal of the data key to the desk
};

// The key envelope of report `report_id`, or nullopt when there is no such
// report. DataLoss when the stored key version is out of range.
Result<std::optional<ReportKeyEnvelope>> LoadReportKeyEnvelope(Database& db, std::string_view report_id);

}  // namespace pillarbox::store
