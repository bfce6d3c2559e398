// Messages between reviewers and the reporter of a report, sealed under the
// REPORT's data key (the key the reporter recovers with the receipt, and a
// reviewer with the desk key), so both sides can read the conversation.
// Each message body is padded and sealed with SealField in the context
// {"report_messages", "<report id>/<seq>", "body", 1}: a ciphertext moved to
// another report or another place in the conversation fails to open.
// Stateless; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "privacy/bytes.h"

namespace pillarbox::privacy {

inline constexpr std::string_view kReportMessagesTable = "report_messages";

// The record id bound into message `seq` of report `report_id`: "<report_id>/<seq>".
std::string ReportMessageRecordId(std::string_view report_id, int64_t seq);

// Seals `body` as message `seq` (>= 1) of report `report_id` under the
// report's `data_key`. Never fails for a valid key.
Bytes SealReportMessage(const SecretKey& data_key, std::string_view report_id, int64_t seq, std::string_view body);

// Opens what SealReportMessage produced for the same report and seq with the
// same data key. DataLoss when the key, report id, seq or any byte differs;
// never partial plaintext. The reporter side calls this with the data key
// unwrapped from the receipt.
Result<std::string> OpenReportMessage(const SecretKey& data_key, std::string_view report_id, int64_t seq,
                                      ByteView sealed);

}  // namespace pillarbox::privacy
