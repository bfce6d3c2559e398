// Sealing messages under a report's data key (declared in privacy/report_message.h).
#include "privacy/report_message.h"

#include "privacy/envelope.h"

namespace pillarbox::privacy {
namespace {

constexpr std::string_view kBodyField = "body";
constexpr uint32_t kReportDataKeyVersion = 1;

}  // namespace

std::string ReportMessageRecordId(std::string_view report_id, int64_t seq) {
  return std::string(report_id) + "/" + std::to_string(seq);
}

Bytes SealReportMessage(const SecretKey& data_key, std::string_view report_id, int64_t seq, std::string_view body) {
  const std::string record_id = ReportMessageRecordId(report_id, seq);
  return SealField(data_key, {kReportMessagesTable, record_id, kBodyField, kReportDataKeyVersion}, body);
}

Result<std::string> OpenReportMessage(const SecretKey& data_key, std::string_view report_id, int64_t seq,
                                      ByteView sealed) {
  const std::string record_id = ReportMessageRecordId(report_id, seq);
  return OpenField(data_key, {kReportMessagesTable, record_id, kBodyField, kReportDataKeyVersion}, sealed);
}

}  // namespace pillarbox::privacy
