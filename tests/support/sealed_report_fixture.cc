#include "support/sealed_report_fixture.h"

#include <random>

namespace pillarbox::testing {
namespace {

std::mt19937_64& Generator() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return generator;
}

}  // namespace

std::vector<uint8_t> RandomTestBytes(size_t size) {
  std::uniform_int_distribution<int> byte(0, 255);
  std::vector<uint8_t> bytes(size);
  for (uint8_t& b : bytes) b = static_cast<uint8_t>(byte(Generator()));
  return bytes;
}

std::string RandomReportId() {
  static constexpr char kHexDigits[] = "0123456789abcdef";
  std::uniform_int_distribution<int> digit(0, 15);
  std::string id(32, '0');
  for (char& c : id) c = kHexDigits[digit(Generator())];
  return id;
}

intake::SealedReport MakeSealedReport(const std::string& desk_id) {
  intake::SealedReport report;
  report.id = RandomReportId();
  report.kind = "voice_cloning";
  report.desk_id = desk_id;
  report.desk_key_version = 1;
  report.received_day = "2024-05-17";
  report.region = "eu";
  report.sector = "finance";
  report.clear_answers = {{"harm_types", "financial"}, {"harm_types", "emotional"}};
  report.sealed_fields = {
      {"narrative", RandomTestBytes(200)}, {"organization", RandomTestBytes(64)}, {"contact", RandomTestBytes(40)}};
  report.blind_indexes = {{"organization", RandomTestBytes(32)}};
  report.desk_sealed_data_key = RandomTestBytes(80);
  report.reporter_wrapped_data_key = RandomTestBytes(72);
  report.lookup_id = RandomTestBytes(32);
  return report;
}

}  // namespace pillarbox::testing
