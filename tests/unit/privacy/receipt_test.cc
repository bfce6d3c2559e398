#include "privacy/receipt.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <set>
#include <string>

namespace pillarbox::privacy {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

std::string Lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

void ExpectRejected(std::string_view typed) {
  Result<Receipt> parsed = Receipt::Parse(typed);
  ASSERT_FALSE(parsed.ok()) << typed;
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(), "receipt is not valid");
}

TEST(ReceiptTest, DisplayHasSixGroupsOfFourCrockfordSymbols) {
  const std::regex format("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$");
  for (int i = 0; i < 100; ++i) {
    Receipt receipt = Receipt::Generate();
    EXPECT_TRUE(std::regex_match(receipt.Display(), format)) << receipt.Display();
    EXPECT_EQ(receipt.canonical().size(), kReceiptRandomSymbols + kReceiptCheckSymbols);
    std::string display = receipt.Display();
    display.erase(std::remove(display.begin(), display.end(), '-'), display.end());
    EXPECT_EQ(display, receipt.canonical());
  }
}

TEST(ReceiptTest, GeneratedReceiptsParseBack) {
  for (int i = 0; i < 100; ++i) {
    Receipt receipt = Receipt::Generate();
    Result<Receipt> parsed = Receipt::Parse(receipt.Display());
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->canonical(), receipt.canonical());
  }
}

TEST(ReceiptTest, TenThousandReceiptsAreDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) seen.insert(Receipt::Generate().canonical());
  EXPECT_EQ(seen.size(), 10000u);
}

TEST(ReceiptTest, RandomSymbolsAreRoughlyUniform) {
  std::array<double, 32> counts{};
  constexpr int kReceipts = 10000;
  for (int i = 0; i < kReceipts; ++i) {
    std::string canonical = Receipt::Generate().canonical();
    for (size_t j = 0; j < kReceiptRandomSymbols; ++j) counts[kAlphabet.find(canonical[j])] += 1;
  }
  const double expected = kReceipts * kReceiptRandomSymbols / 32.0;
  double chi_square = 0;
  for (double count : counts) chi_square += (count - expected) * (count - expected) / expected;
  // 31 degrees of freedom: the 99.999th percentile is about 75.
  EXPECT_LT(chi_square, 100.0);
  EXPECT_GT(*std::min_element(counts.begin(), counts.end()), 0);
}

TEST(ReceiptTest, SingleSymbolSubstitutionsAreRejected) {
  size_t tried = 0;
  size_t rejected = 0;
  for (int i = 0; i < 200; ++i) {
    const std::string canonical = Receipt::Generate().canonical();
    for (size_t position = 0; position < canonical.size(); ++position) {
      for (char symbol : kAlphabet) {
        if (symbol == canonical[position]) continue;
        std::string typo = canonical;
        typo[position] = symbol;
        ++tried;
        if (!Receipt::Parse(typo).ok()) ++rejected;
      }
    }
  }
  double rate = static_cast<double>(rejected) / static_cast<double>(tried);
  RecordProperty("substitution_rejection_rate", std::to_string(rate));
  EXPECT_GE(rate, 0.97) << rejected << " of " << tried;
}

TEST(ReceiptTest, ForgivesCaseSeparatorsAndMisreadings) {
  for (int i = 0; i < 200; ++i) {
    Receipt receipt = Receipt::Generate();
    std::string misread = receipt.Display();
    for (char& c : misread) {
      if (c == '0') c = 'O';
      if (c == '1') c = (i % 2 == 0) ? 'I' : 'l';
    }
    std::string no_dashes = receipt.canonical();
    std::string spaced = "  " + receipt.Display() + " ";
    std::replace(spaced.begin(), spaced.end(), '-', ' ');
    for (const std::string& typed : {Lowercase(receipt.Display()), misread, Lowercase(misread), no_dashes, spaced}) {
      Result<Receipt> parsed = Receipt::Parse(typed);
      ASSERT_TRUE(parsed.ok()) << typed;
      EXPECT_EQ(parsed->canonical(), receipt.canonical());
    }
  }
}

TEST(ReceiptTest, RejectsWrongLengthAndForeignSymbols) {
  std::string canonical = Receipt::Generate().canonical();
  ExpectRejected("");
  ExpectRejected(canonical.substr(1));
  ExpectRejected(canonical + "0");
  std::string with_u = canonical;
  with_u[0] = 'U';
  ExpectRejected(with_u);
  std::string with_bang = canonical;
  with_bang[5] = '!';
  ExpectRejected(with_bang);
  ExpectRejected(std::string(10000, '-') + canonical);
}

TEST(ReceiptTest, ErrorDoesNotEchoInput) {
  std::string typo = Receipt::Generate().canonical();
  typo[23] = typo[23] == 'Z' ? 'Y' : 'Z';  // A wrong check symbol is always caught.
  Result<Receipt> parsed = Receipt::Parse(typo);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().ToString().find(typo.substr(0, 8)), std::string::npos);
}

TEST(ReceiptTest, DerivedValuesAreDistinctAndPepperBound) {
  SecretKey pepper = SecretKey::Random();
  Receipt receipt = Receipt::Generate();
  Bytes lookup = ReceiptLookupId(pepper, receipt);
  SecretKey reporter_key = ReceiptReporterKey(pepper, receipt);
  Bytes key_bytes(reporter_key.bytes().begin(), reporter_key.bytes().end());
  ASSERT_EQ(lookup.size(), 32u);
  ASSERT_EQ(key_bytes.size(), 32u);
  EXPECT_NE(lookup, key_bytes);
  EXPECT_EQ(lookup, ReceiptLookupId(pepper, *Receipt::Parse(Lowercase(receipt.Display()))));
  SecretKey again = ReceiptReporterKey(pepper, receipt);
  EXPECT_EQ(key_bytes, Bytes(again.bytes().begin(), again.bytes().end()));
  SecretKey other_pepper = SecretKey::Random();
  EXPECT_NE(lookup, ReceiptLookupId(other_pepper, receipt));
  SecretKey other_key = ReceiptReporterKey(other_pepper, receipt);
  EXPECT_NE(key_bytes, Bytes(other_key.bytes().begin(), other_key.bytes().end()));
  EXPECT_NE(lookup, ReceiptLookupId(pepper, Receipt::Generate()));
}

}  // namespace
}  // namespace pillarbox::privacy
