// UTF-8 validation after RFC 3629, section 4 (the well-formed byte sequences).
#include "intake/utf8.h"

#include <string>

#include <cstdint>

namespace pillarbox::intake {
namespace {

bool InRange(uint8_t byte, uint8_t low, uint8_t high) { return byte >= low && byte <= high; }

// Length of the sequence that starts with `lead` and the allowed range of its
// second byte, which is where overlongs, surrogates and values past U+10FFFF
// are excluded. Returns 0 for a byte that cannot start a sequence.
size_t SequenceLength(uint8_t lead, uint8_t* second_low, uint8_t* second_high) {
  *second_low = 0x80;
  *second_high = 0xBF;
  if (lead <= 0x7F) return 1;
  if (InRange(lead, 0xC2, 0xDF)) return 2;
  if (InRange(lead, 0xE0, 0xEF)) {
    if (lead == 0xE0) *second_low = 0xA0;   // overlong below U+0800
    if (lead == 0xED) *second_high = 0x9F;  // surrogates
    return 3;
  }
  if (InRange(lead, 0xF0, 0xF4)) {
    if (lead == 0xF0) *second_low = 0x90;   // overlong below U+10000
    if (lead == 0xF4) *second_high = 0x8F;  // above U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    uint8_t second_low = 0;
    uint8_t second_high = 0;
    const size_t length = SequenceLength(static_cast<uint8_t>(text[i]), &second_low, &second_high);
    if (length == 0 || text.size() - i < length) return false;
    for (size_t k = 1; k < length; ++k) {
      const uint8_t byte = static_cast<uint8_t>(text[i + k]);
      const bool ok = k == 1 ? InRange(byte, second_low, second_high) : InRange(byte, 0x80, 0xBF);
      if (!ok) return false;
    }
    i += length;
  }
  return true;
}

size_t CodePointCount(std::string_view text) {
  size_t count = 0;
  for (const char c : text) {
    if ((static_cast<uint8_t>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string NormalizeLineBreaks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out.push_back(text[i]);
  }
  return out;
}

bool HasForbiddenControl(std::string_view text, bool allow_newline_and_tab) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (allow_newline_and_tab && (byte == '\n' || byte == '\t')) continue;
    if (byte < 0x20 || byte == 0x7F) return true;
    if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) return true;
  }
  return false;
}

}  // namespace pillarbox::intake
