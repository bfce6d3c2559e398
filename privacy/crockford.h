// Crockford base32 symbols for things people copy by hand (receipts, generated
// passwords). Internal to privacy/. Thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pillarbox::privacy::internal {

// The 32 symbols in value order: no I, L, O or U.
inline constexpr std::string_view kCrockfordAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// `count` symbols, each drawn uniformly from the CSPRNG.
std::string RandomCrockfordSymbols(size_t count);

// The symbol a person meant by `typed`: uppercases ASCII letters and reads I
// and L as 1 and O as 0. nullopt when it is not a Crockford symbol.
std::optional<char> CanonicalCrockfordSymbol(char typed);

// `symbols` in groups of four joined by '-' ("ABCD-EFGH-IJ").
std::string GroupByFour(std::string_view symbols);

}  // namespace pillarbox::privacy::internal
