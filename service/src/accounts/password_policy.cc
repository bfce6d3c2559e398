// The password policy (declared in accounts/password_policy.h).
#include "accounts/password_policy.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_set>

#include "common/embedded_file.h"
#include "intake/utf8.h"

namespace pillarbox::accounts {
namespace {

constexpr char kField[] = "password";

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  return lower;
}

bool IsAsciiPunctuationOrDigit(unsigned char c) { return c < 0x80 && (std::ispunct(c) != 0 || std::isdigit(c) != 0); }

// `text` without its trailing ASCII digits and punctuation ("summer2024!" -> "summer").
std::string_view WithoutTrailingDigitsAndPunctuation(std::string_view text) {
  while (!text.empty() && IsAsciiPunctuationOrDigit(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// `text` without spaces and the separators people put between words.
std::string WithoutSeparators(std::string_view text) {
  std::string joined;
  for (char c : text) {
    if (c != ' ' && c != '-' && c != '_' && c != '.') joined.push_back(c);
  }
  return joined;
}

// Every form of `text` the list check compares: as given, without separators,
// and each of those without trailing digits and punctuation.
std::array<std::string, 4> ComparableForms(std::string_view lower) {
  std::string joined = WithoutSeparators(lower);
  std::string stripped(WithoutTrailingDigitsAndPunctuation(lower));
  std::string joined_stripped(WithoutTrailingDigitsAndPunctuation(joined));
  return {std::string(lower), std::move(joined), std::move(stripped), std::move(joined_stripped)};
}

// The embedded list, each entry in all its comparable forms.
std::unordered_set<std::string> ParseCommonPasswords() {
  std::unordered_set<std::string> set;
  for (const EmbeddedFile& file : EmbeddedCommonPasswords()) {
    std::string_view rest = file.content;
    while (!rest.empty()) {
      const size_t end = std::min(rest.find('\n'), rest.size());
      std::string_view line = rest.substr(0, end);
      rest.remove_prefix(std::min(end + 1, rest.size()));
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      for (std::string& form : ComparableForms(AsciiLower(line))) {
        if (!form.empty()) set.insert(std::move(form));
      }
    }
  }
  return set;
}

bool IsCommon(std::string_view lower) {
  static const std::unordered_set<std::string> common = ParseCommonPasswords();
  for (const std::string& form : ComparableForms(lower)) {
    if (!form.empty() && common.contains(form)) return true;
  }
  return false;
}

// True when `text` is a unit of 1-4 bytes repeated ("aaaa", "ababab", "ééé").
bool IsRepeatedUnit(std::string_view text) {
  for (size_t unit = 1; unit <= 4 && unit < text.size(); ++unit) {
    if (text.size() % unit != 0) continue;
    bool repeats = true;
    for (size_t i = unit; i < text.size() && repeats; ++i) repeats = text[i] == text[i - unit];
    if (repeats) return true;
  }
  return false;
}

// The character after `c` in a run: digits and letters wrap ("9" -> "0").
char NextInRun(char c) {
  if (c >= '0' && c <= '9') return c == '9' ? '0' : static_cast<char>(c + 1);
  if (c >= 'a' && c <= 'z') return c == 'z' ? 'a' : static_cast<char>(c + 1);
  return static_cast<char>(c + 1);
}

// True when each character of `text` follows the one before ("abcdef",
// "789012"); `forward` false checks the descending direction.
bool IsRun(std::string_view text, bool forward) {
  for (size_t i = 1; i < text.size(); ++i) {
    const char earlier = forward ? text[i - 1] : text[i];
    const char later = forward ? text[i] : text[i - 1];
    if (static_cast<unsigned char>(earlier) >= 0x80 || NextInRun(earlier) != later) return false;
  }
  return true;
}

// True when `text` is a stretch of a US keyboard row (or the letter rows one
// after another), either direction, unshifted or shifted.
bool IsKeyboardWalk(std::string_view text) {
  static constexpr std::array<std::string_view, 10> kRows = {
      "`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./", "qwertyuiopasdfghjklzxcvbnm",
      "~!@#$%^&*()_+", "qwertyuiop{}|", "asdfghjkl:\"", "zxcvbnm<>?", "1234567890qwertyuiopasdfghjklzxcvbnm"};
  const std::string reversed(text.rbegin(), text.rend());
  return std::any_of(kRows.begin(), kRows.end(), [&](std::string_view row) {
    return row.find(text) != std::string_view::npos || row.find(reversed) != std::string_view::npos;
  });
}

bool IsTrivialPattern(std::string_view lower) {
  return IsRepeatedUnit(lower) || IsRun(lower, true) || IsRun(lower, false) || IsKeyboardWalk(lower);
}

Status Refuse(std::string message) { return Status::InvalidArgument(std::move(message), kField); }

}  // namespace

Status CheckNewPassword(std::string_view password, std::string_view username) {
  if (!intake::IsValidUtf8(password)) return Refuse("must be valid UTF-8 text");
  if (password.size() > kMaxPasswordBytes) return Refuse("must be at most 256 bytes long");
  if (intake::CodePointCount(password) < kMinPasswordCodePoints) {
    return Refuse("must be at least 12 characters; a few unrelated words make a long password easy to remember");
  }
  const std::string lower = AsciiLower(password);
  if (!username.empty() && lower.find(AsciiLower(username)) != std::string::npos) {
    return Refuse("must not contain the username");
  }
  if (IsCommon(lower)) return Refuse("is too common; choose words or characters that are not a well-known password");
  if (IsTrivialPattern(lower)) {
    return Refuse("is a simple pattern (a repeated character, a run or a keyboard row); choose something less predictable");
  }
  return Status::Ok();
}

}  // namespace pillarbox::accounts
