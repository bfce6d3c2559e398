// Report and SealedReport: the plaintext and the encrypted forms of a report.
// The store accepts only SealedReport, so plaintext cannot be written by mistake.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pillarbox::intake {

// A named plaintext value (a sealed or indexed answer, multi-values joined).
struct PlainAnswer {
  std::string field;
  std::string value;
};

// A clear enumerated answer; a multi-enum answer gives one entry per value.
struct ClearAnswer {
  std::string field;
  std::string value;
  bool operator==(const ClearAnswer&) const = default;
};

// A validated report, in plaintext. Lives only in memory on the intake path.
struct Report {
  std::string kind;
  std::string region;  // clear, required by every questionnaire
  std::string sector;  // clear, required by every questionnaire
  std::vector<ClearAnswer> clear_answers;  // other clear fields that were answered
  // Every sealed or sealed+index field of the questionnaire, in questionnaire
  // order, with "" for an unanswered optional one, so that which optional
  // fields a reporter filled in does not show in the database. Multi-enum
  // values are joined with "\n"; year-month as "YYYY-MM".
  std::vector<PlainAnswer> sealed_answers;
  // The answered sealed+index fields (subset of sealed_answers), to be blind-indexed.
  std::vector<PlainAnswer> indexed_answers;
};

struct SealedField {
  std::string field;
  std::vector<uint8_t> ciphertext;  // privacy::SealField output
};

struct BlindIndexEntry {
  std::string field;
  std::vector<uint8_t> digest;  // privacy::BlindIndex output
};

// A report ready to store: nothing in it reveals a sealed answer without keys.
struct SealedReport {
  std::string id;            // 32 lowercase hex digits, random
  std::string kind;
  std::string desk_id;
  uint32_t desk_key_version = 1;
  std::string received_day;  // "YYYY-MM-DD" UTC; never a time
  std::string region;
  std::string sector;
  std::vector<ClearAnswer> clear_answers;
  std::vector<SealedField> sealed_fields;
  std::vector<BlindIndexEntry> blind_indexes;
  std::vector<uint8_t> desk_sealed_data_key;       // crypto_box_seal to the desk
  std::vector<uint8_t> reporter_wrapped_data_key;  // wrapped under the receipt's reporter key
  std::vector<uint8_t> lookup_id;                  // from the receipt, 32 bytes
};

}  // namespace pillarbox::intake
