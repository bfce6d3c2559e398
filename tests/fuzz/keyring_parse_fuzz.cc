// Fuzz target: the instance keyring file (privacy/instance_keyring.h), read
// at every start. Any content must parse or be refused with DataLoss without
// a crash; a keyring that parses must format to text that parses to the same
// text again (a rotation rewrites the file from its parsed form).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "privacy/init.h"
#include "privacy/instance_keyring.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bool initialized = pillarbox::privacy::InitializeAndSelfTest().ok();
  if (!initialized) std::abort();
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  const auto keyring = pillarbox::privacy::InstanceKeyring::Parse(content);
  if (!keyring.ok()) {
    if (keyring.status().code() != pillarbox::StatusCode::kDataLoss) std::abort();
    return 0;
  }
  const std::string text = keyring->Format();
  const auto again = pillarbox::privacy::InstanceKeyring::Parse(text);
  if (!again.ok() || again->Format() != text) std::abort();
  return 0;
}
