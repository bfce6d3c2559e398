// SealReport: turns a validated plaintext Report into the SealedReport that the
// store accepts. Holds no state; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "intake/desk_directory.h"
#include "intake/report.h"
#include "privacy/instance_secret.h"
#include "privacy/receipt.h"

namespace pillarbox::intake {

// The table name bound into every sealed answer's associated data.
inline constexpr std::string_view kReportFieldsTable = "report_fields";
// Version of the per-report data key bound into each sealed answer.
inline constexpr uint32_t kReportDataKeyVersion = 1;

// The purpose (associated data) under which report `report_id`'s data key is
// wrapped for its reporter: "reports.reporter_wrapped_data_key|<report_id>".
std::string ReporterWrapPurpose(std::string_view report_id);

// Seals `report` under a fresh random data key:
// - each sealed answer with privacy::SealField in context
//   {kReportFieldsTable, report_id, field, kReportDataKeyVersion};
// - a blind index (keys.blind_index_key()) for each indexed answer;
// - the data key sealed to `desk` and wrapped under the reporter key derived
//   from `receipt` (purpose ReporterWrapPurpose(report_id));
// - the lookup id derived from `receipt`.
// Clear values (kind, region, sector, clear answers) and `received_day` are
// copied as they are. The result holds no plaintext of a sealed answer.
SealedReport SealReport(const Report& report, const std::string& report_id, const std::string& received_day,
                        const DeskKey& desk, const privacy::Receipt& receipt, const privacy::InstanceKeys& keys);

}  // namespace pillarbox::intake
