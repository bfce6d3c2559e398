// Fuzz target: receipt parsing (privacy/receipt.h), what a reporter types on
// the follow-up page. Any input must parse or be refused without a crash; a
// receipt that parses must print to a form that parses to the same receipt.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "privacy/receipt.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view typed(reinterpret_cast<const char*>(data), size);
  const auto receipt = pillarbox::privacy::Receipt::Parse(typed);
  if (!receipt.ok()) return 0;
  const auto again = pillarbox::privacy::Receipt::Parse(receipt->Display());
  if (!again.ok() || again->canonical() != receipt->canonical()) std::abort();
  return 0;
}
