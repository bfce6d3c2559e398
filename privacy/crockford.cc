// Crockford base32 helpers (declared in privacy/crockford.h).
#include "privacy/crockford.h"

#include <sodium.h>

#include "privacy/internal.h"

namespace pillarbox::privacy::internal {

std::string RandomCrockfordSymbols(size_t count) {
  EnsureSodiumInitialized();
  std::string symbols(count, '\0');
  for (char& symbol : symbols) {
    symbol = kCrockfordAlphabet[randombytes_uniform(static_cast<uint32_t>(kCrockfordAlphabet.size()))];
  }
  return symbols;
}

std::optional<char> CanonicalCrockfordSymbol(char typed) {
  char upper = (typed >= 'a' && typed <= 'z') ? static_cast<char>(typed - 'a' + 'A') : typed;
  if (upper == 'I' || upper == 'L') return '1';
  if (upper == 'O') return '0';
  if (kCrockfordAlphabet.find(upper) == std::string_view::npos) return std::nullopt;
  return upper;
}

std::string GroupByFour(std::string_view symbols) {
  std::string grouped;
  grouped.reserve(symbols.size() + symbols.size() / 4);
  for (size_t i = 0; i < symbols.size(); ++i) {
    if (i > 0 && i % 4 == 0) grouped.push_back('-');
    grouped.push_back(symbols[i]);
  }
  return grouped;
}

}  // namespace pillarbox::privacy::internal
