// Receipts (declared in privacy/receipt.h).
#include "privacy/receipt.h"

#include <sodium.h>

#include <array>

#include "privacy/crockford.h"
#include "privacy/internal.h"

namespace pillarbox::privacy {
namespace {

constexpr size_t kReceiptSymbols = kReceiptRandomSymbols + kReceiptCheckSymbols;
// Longest typed form worth looking at: every symbol separated by " - ".
constexpr size_t kMaxTypedLength = kReceiptSymbols * 4;
constexpr std::string_view kInvalidReceipt = "receipt is not valid";

// The two check symbols of `random_symbols`: the first 10 bits of BLAKE2b-256.
std::string CheckSymbols(std::string_view random_symbols) {
  ByteView input = AsBytes(random_symbols);
  std::array<uint8_t, crypto_generichash_BYTES> digest{};
  crypto_generichash(digest.data(), digest.size(), input.data(), input.size(), nullptr, 0);
  unsigned bits = (static_cast<unsigned>(digest[0]) << 2) | (static_cast<unsigned>(digest[1]) >> 6);
  return {internal::kCrockfordAlphabet[bits >> 5], internal::kCrockfordAlphabet[bits & 0x1f]};
}

// Keyed BLAKE2b-256(pepper, label || canonical) into `out`.
void PepperedHash(const SecretKey& pepper, std::string_view label, const Receipt& receipt, std::span<uint8_t> out) {
  ByteView label_bytes = AsBytes(label);
  ByteView receipt_bytes = AsBytes(receipt.canonical());
  crypto_generichash_state state;
  crypto_generichash_init(&state, internal::KeyData(pepper), kKeyBytes, out.size());
  crypto_generichash_update(&state, label_bytes.data(), label_bytes.size());
  crypto_generichash_update(&state, receipt_bytes.data(), receipt_bytes.size());
  crypto_generichash_final(&state, out.data(), out.size());
  sodium_memzero(&state, sizeof state);
}

bool IsIgnoredSeparator(char c) { return c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

Receipt Receipt::Generate() {
  std::string symbols = internal::RandomCrockfordSymbols(kReceiptRandomSymbols);
  symbols += CheckSymbols(symbols);
  return Receipt(std::move(symbols));
}

Result<Receipt> Receipt::Parse(std::string_view typed) {
  if (typed.size() > kMaxTypedLength) return Status::InvalidArgument(std::string(kInvalidReceipt));
  std::string symbols;
  symbols.reserve(kReceiptSymbols);
  for (char c : typed) {
    if (IsIgnoredSeparator(c)) continue;
    std::optional<char> symbol = internal::CanonicalCrockfordSymbol(c);
    if (!symbol.has_value()) return Status::InvalidArgument(std::string(kInvalidReceipt));
    symbols.push_back(*symbol);
  }
  if (symbols.size() != kReceiptSymbols ||
      symbols.substr(kReceiptRandomSymbols) != CheckSymbols(std::string_view(symbols).substr(0, kReceiptRandomSymbols))) {
    return Status::InvalidArgument(std::string(kInvalidReceipt));
  }
  return Receipt(std::move(symbols));
}

std::string Receipt::Display() const { return internal::GroupByFour(canonical_); }

Bytes ReceiptLookupId(const SecretKey& pepper, const Receipt& receipt) {
  Bytes lookup_id(crypto_generichash_BYTES);
  PepperedHash(pepper, "lookup", receipt, lookup_id);
  return lookup_id;
}

SecretKey ReceiptReporterKey(const SecretKey& pepper, const Receipt& receipt) {
  internal::KeyBuffer key;
  PepperedHash(pepper, "key", receipt, key);
  return internal::TakeKey(key);
}

}  // namespace pillarbox::privacy
