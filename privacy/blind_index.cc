// Blind indexes (declared in privacy/blind_index.h).
#include "privacy/blind_index.h"

#include <sodium.h>

#include <array>
#include <vector>

#include "privacy/internal.h"

namespace pillarbox::privacy {
namespace {

constexpr std::string_view kSeparatorPunctuation = ".,-_/&'\"()";
constexpr std::array<std::string_view, 12> kLegalForms = {"inc", "ltd", "llc", "gmbh", "sa", "plc",
                                                          "corp", "co", "ag", "bv", "sas", "srl"};

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

bool IsSeparator(char c) { return IsAsciiSpace(c) || kSeparatorPunctuation.find(c) != std::string_view::npos; }

// Any printable ASCII character that is neither a letter, a digit nor a space.
bool IsAsciiPunctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Lowercased words of `value`, split at runs of separators.
std::vector<std::string> SplitWords(std::string_view value) {
  std::vector<std::string> words(1);
  for (char c : value) {
    if (IsSeparator(c)) {
      if (!words.back().empty()) words.emplace_back();
    } else {
      words.back().push_back(AsciiLower(c));
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

// Removes punctuation from the start of the first word and the end of the last,
// dropping words that become empty.
void TrimEdgePunctuation(std::vector<std::string>& words) {
  while (!words.empty()) {
    std::string& first = words.front();
    size_t start = 0;
    while (start < first.size() && IsAsciiPunctuation(first[start])) ++start;
    first.erase(0, start);
    if (!first.empty()) break;
    words.erase(words.begin());
  }
  while (!words.empty()) {
    std::string& last = words.back();
    while (!last.empty() && IsAsciiPunctuation(last.back())) last.pop_back();
    if (!last.empty()) break;
    words.pop_back();
  }
}

bool IsLegalForm(std::string_view word) {
  for (std::string_view form : kLegalForms) {
    if (word == form) return true;
  }
  return false;
}

}  // namespace

std::string NormalizeForIndex(std::string_view value) {
  std::vector<std::string> words = SplitWords(value);
  TrimEdgePunctuation(words);
  if (words.size() > 1 && IsLegalForm(words.back())) {
    words.pop_back();
    TrimEdgePunctuation(words);
  }
  std::string normalized;
  for (const std::string& word : words) {
    if (!normalized.empty()) normalized.push_back(' ');
    normalized.append(word);
  }
  return normalized;
}

Bytes BlindIndex(const SecretKey& index_key, std::string_view field, std::string_view value) {
  std::string normalized = NormalizeForIndex(value);
  ByteView field_bytes = AsBytes(field);
  ByteView value_bytes = AsBytes(normalized);
  const uint8_t separator = 0;
  crypto_generichash_state state;
  crypto_generichash_init(&state, internal::KeyData(index_key), kKeyBytes, kBlindIndexBytes);
  crypto_generichash_update(&state, field_bytes.data(), field_bytes.size());
  crypto_generichash_update(&state, &separator, 1);
  crypto_generichash_update(&state, value_bytes.data(), value_bytes.size());
  Bytes digest(kBlindIndexBytes);
  crypto_generichash_final(&state, digest.data(), digest.size());
  sodium_memzero(&state, sizeof state);
  return digest;
}

}  // namespace pillarbox::privacy
