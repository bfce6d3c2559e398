// ParseDecimal (declared in stats/discrete_laplace.h).
#include <numeric>
#include <string_view>

#include "stats/discrete_laplace.h"

namespace pillarbox::stats {
namespace {

constexpr size_t kMaxIntegerDigits = 6;
constexpr size_t kMaxFractionDigits = 6;

bool AllDigits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

uint64_t DigitsValue(std::string_view digits) {
  uint64_t value = 0;
  for (char c : digits) value = value * 10 + static_cast<uint64_t>(c - '0');
  return value;
}

}  // namespace

Result<Rational> ParseDecimal(std::string_view text, std::string_view field) {
  const std::string name(field);
  const size_t point = text.find('.');
  const std::string_view integer = text.substr(0, point);
  const std::string_view fraction = point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  const bool has_point = point != std::string_view::npos;
  if (integer.empty() || integer.size() > kMaxIntegerDigits || !AllDigits(integer) ||
      (has_point && (fraction.empty() || fraction.size() > kMaxFractionDigits || !AllDigits(fraction)))) {
    return Status::InvalidArgument("must be a decimal number such as 0.5 (at most 6 digits after the point)", name);
  }
  uint64_t denominator = 1;
  for (size_t i = 0; i < fraction.size(); ++i) denominator *= 10;
  const uint64_t numerator = DigitsValue(integer) * denominator + DigitsValue(fraction);
  if (numerator == 0) return Status::InvalidArgument("must be greater than zero", name);
  const uint64_t divisor = std::gcd(numerator, denominator);
  return Rational{numerator / divisor, denominator / divisor};
}

}  // namespace pillarbox::stats
