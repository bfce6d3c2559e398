// Receipts: what a reporter keeps to come back to their report.
//
// 22 symbols of Crockford base32 drawn uniformly from the CSPRNG (110 bits),
// then 2 check symbols (10 bits of BLAKE2b over the 22), written in six groups
// of four: "7K3D-Q9XM-...". Parsing forgives case, spaces, dashes and the
// usual misreadings (I and L read as 1, O as 0) and rejects a typo through the
// check symbols. The receipt is never stored: only values derived from it with
// the instance's receipt pepper. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "privacy/bytes.h"

namespace pillarbox::privacy {

inline constexpr size_t kReceiptRandomSymbols = 22;
inline constexpr size_t kReceiptCheckSymbols = 2;
inline constexpr size_t kReceiptEntropyBits = kReceiptRandomSymbols * 5;

class Receipt {
 public:
  // A new receipt from the CSPRNG.
  static Receipt Generate();
  // Parses a typed receipt. InvalidArgument("receipt is not valid") when the
  // length, an alphabet symbol or the check symbols are wrong; the message never
  // echoes the input.
  static Result<Receipt> Parse(std::string_view typed);

  // The grouped form shown to the reporter, e.g. "7K3D-Q9XM-...-AB12".
  std::string Display() const;
  // The 24 canonical symbols without separators (input to derivations).
  const std::string& canonical() const { return canonical_; }

 private:
  explicit Receipt(std::string canonical) : canonical_(std::move(canonical)) {}
  std::string canonical_;
};

// Lookup id stored beside the report: keyed BLAKE2b-256(pepper, "lookup" || receipt).
Bytes ReceiptLookupId(const SecretKey& pepper, const Receipt& receipt);
// Key that wraps the report's data key for the reporter:
// keyed BLAKE2b-256(pepper, "key" || receipt).
SecretKey ReceiptReporterKey(const SecretKey& pepper, const Receipt& receipt);

}  // namespace pillarbox::privacy
