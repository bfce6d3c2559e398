#include "intake/report_sealer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "intake/report_opener.h"
#include "privacy/blind_index.h"
#include "privacy/envelope.h"

namespace pillarbox::intake {
namespace {

constexpr char kCanary[] = "CANARY-5e1d9";
constexpr char kReportId[] = "00112233445566778899aabbccddeeff";

class ReportSealerTest : public ::testing::Test {
 protected:
  ReportSealerTest()
      : keys_(privacy::InstanceKeys::Derive(privacy::SecretKey::Random())),
        desk_pair_(privacy::BoxKeyPair::Generate()),
        desk_{"voice_desk", 3, desk_pair_.public_key},
        receipt_(privacy::Receipt::Generate()) {}

  static Report SampleReport(const std::string& organization) {
    Report report;
    report.kind = "voice_cloning";
    report.region = "europe";
    report.sector = "creative_media";
    report.clear_answers = {{"likeness_type", "voice"}, {"likeness_type", "face"}};
    report.sealed_answers = {{"summary", std::string(kCanary) + " summary"},
                             {"narrative", std::string(kCanary) + " narrative\nsecond line"},
                             {"organization", organization},
                             {"contact", std::string(kCanary) + "@example.org"}};
    report.indexed_answers = {{"organization", organization}};
    return report;
  }

  SealedReport Seal(const Report& report, const std::string& id = kReportId) const {
    return SealReport(report, id, "2024-06-15", desk_, receipt_, keys_);
  }

  privacy::InstanceKeys keys_;
  privacy::BoxKeyPair desk_pair_;
  DeskKey desk_;
  privacy::Receipt receipt_;
};

// Every byte of `sealed`, strings and blobs alike, in one buffer.
std::string AllBytes(const SealedReport& sealed) {
  std::string all = sealed.id + sealed.kind + sealed.desk_id + sealed.received_day + sealed.region + sealed.sector;
  const auto append = [&all](const std::vector<uint8_t>& bytes) { all.append(bytes.begin(), bytes.end()); };
  for (const ClearAnswer& answer : sealed.clear_answers) all += answer.field + answer.value;
  for (const SealedField& field : sealed.sealed_fields) {
    all += field.field;
    append(field.ciphertext);
  }
  for (const BlindIndexEntry& entry : sealed.blind_indexes) {
    all += entry.field;
    append(entry.digest);
  }
  append(sealed.desk_sealed_data_key);
  append(sealed.reporter_wrapped_data_key);
  append(sealed.lookup_id);
  return all;
}

TEST_F(ReportSealerTest, CopiesClearValues) {
  const SealedReport sealed = Seal(SampleReport("ACME"));
  EXPECT_EQ(sealed.id, kReportId);
  EXPECT_EQ(sealed.kind, "voice_cloning");
  EXPECT_EQ(sealed.desk_id, "voice_desk");
  EXPECT_EQ(sealed.desk_key_version, 3u);
  EXPECT_EQ(sealed.received_day, "2024-06-15");
  EXPECT_EQ(sealed.region, "europe");
  EXPECT_EQ(sealed.sector, "creative_media");
  EXPECT_EQ(sealed.clear_answers, SampleReport("ACME").clear_answers);
  ASSERT_EQ(sealed.sealed_fields.size(), 4u);
  EXPECT_EQ(sealed.sealed_fields[1].field, "narrative");
  ASSERT_EQ(sealed.blind_indexes.size(), 1u);
  EXPECT_EQ(sealed.blind_indexes[0].field, "organization");
  EXPECT_EQ(sealed.blind_indexes[0].digest.size(), privacy::kBlindIndexBytes);
  EXPECT_EQ(sealed.lookup_id.size(), 32u);
}

TEST_F(ReportSealerTest, FieldsOpenWithTheDataKeyUnwrappedByTheReceipt) {
  const Report report = SampleReport("ACME Inc.");
  const SealedReport sealed = Seal(report);
  auto data_key = UnwrapReporterDataKey(sealed.reporter_wrapped_data_key, sealed.id, receipt_, keys_.receipt_pepper());
  ASSERT_TRUE(data_key.ok()) << data_key.status().ToString();
  const auto opened = OpenSealedFields(sealed.sealed_fields, sealed.id, *data_key);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  ASSERT_EQ(opened->size(), report.sealed_answers.size());
  for (size_t i = 0; i < opened->size(); ++i) {
    EXPECT_EQ((*opened)[i].field, report.sealed_answers[i].field);
    EXPECT_EQ((*opened)[i].value, report.sealed_answers[i].value);
  }
}

TEST_F(ReportSealerTest, TheDeskOpensTheSameDataKey) {
  const SealedReport sealed = Seal(SampleReport("ACME"));
  auto data_key = privacy::OpenSealedKey(desk_pair_, sealed.desk_sealed_data_key);
  ASSERT_TRUE(data_key.ok()) << data_key.status().ToString();
  const auto opened = OpenSealedFields(sealed.sealed_fields, sealed.id, *data_key);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ((*opened)[0].value, std::string(kCanary) + " summary");
}

TEST_F(ReportSealerTest, WrongReceiptOrReportIdOrTamperingIsDataLoss) {
  const SealedReport sealed = Seal(SampleReport("ACME"));
  const privacy::Receipt other = privacy::Receipt::Generate();
  EXPECT_EQ(UnwrapReporterDataKey(sealed.reporter_wrapped_data_key, sealed.id, other, keys_.receipt_pepper()).status().code(),
            StatusCode::kDataLoss);
  const std::string other_id = "ffeeddccbbaa99887766554433221100";
  EXPECT_EQ(UnwrapReporterDataKey(sealed.reporter_wrapped_data_key, other_id, receipt_, keys_.receipt_pepper()).status().code(),
            StatusCode::kDataLoss);
  auto data_key = UnwrapReporterDataKey(sealed.reporter_wrapped_data_key, sealed.id, receipt_, keys_.receipt_pepper());
  ASSERT_TRUE(data_key.ok());
  EXPECT_EQ(OpenSealedFields(sealed.sealed_fields, other_id, *data_key).status().code(), StatusCode::kDataLoss);
  std::vector<SealedField> swapped = sealed.sealed_fields;
  std::swap(swapped[0].ciphertext, swapped[1].ciphertext);
  EXPECT_EQ(OpenSealedFields(swapped, sealed.id, *data_key).status().code(), StatusCode::kDataLoss);
  std::vector<SealedField> flipped = sealed.sealed_fields;
  flipped[2].ciphertext.back() ^= 0x01;
  EXPECT_EQ(OpenSealedFields(flipped, sealed.id, *data_key).status().code(), StatusCode::kDataLoss);
}

TEST_F(ReportSealerTest, NoSealedAnswerAppearsInAnyByte) {
  const Report report = SampleReport(std::string(kCanary) + " Corp");
  const std::string all = AllBytes(Seal(report));
  EXPECT_EQ(all.find(kCanary), std::string::npos);
  for (const PlainAnswer& answer : report.sealed_answers) {
    EXPECT_EQ(all.find(answer.value), std::string::npos) << answer.field;
  }
  EXPECT_EQ(all.find(receipt_.canonical()), std::string::npos);
}

TEST_F(ReportSealerTest, BlindIndexMatchesTheSameOrganizationWrittenDifferently) {
  const SealedReport first = Seal(SampleReport("ACME Inc."));
  const SealedReport second = Seal(SampleReport("acme"), "ffeeddccbbaa99887766554433221100");
  const SealedReport third = Seal(SampleReport("Umbrella Ltd"));
  EXPECT_EQ(first.blind_indexes[0].digest, second.blind_indexes[0].digest);
  EXPECT_NE(first.blind_indexes[0].digest, third.blind_indexes[0].digest);
  // Fresh data keys and nonces: the same answer never seals to the same bytes.
  EXPECT_NE(first.sealed_fields[2].ciphertext, second.sealed_fields[2].ciphertext);
  EXPECT_NE(first.desk_sealed_data_key, second.desk_sealed_data_key);
}

TEST_F(ReportSealerTest, LookupIdDependsOnTheReceipt) {
  const SealedReport first = Seal(SampleReport("ACME"));
  const SealedReport again = Seal(SampleReport("ACME"));
  const privacy::Receipt other_receipt = privacy::Receipt::Generate();
  const SealedReport other = SealReport(SampleReport("ACME"), kReportId, "2024-06-15", desk_, other_receipt, keys_);
  EXPECT_EQ(first.lookup_id, again.lookup_id);
  EXPECT_NE(first.lookup_id, other.lookup_id);
  EXPECT_EQ(first.lookup_id, privacy::ReceiptLookupId(keys_.receipt_pepper(), receipt_));
}

}  // namespace
}  // namespace pillarbox::intake
