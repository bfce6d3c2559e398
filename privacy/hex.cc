// Hexadecimal encoding (declared in privacy/bytes.h).
#include <sodium.h>

#include "privacy/bytes.h"

namespace pillarbox::privacy {

std::string ToHex(ByteView bytes) {
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  hex.pop_back();
  return hex;
}

Result<Bytes> FromHex(std::string_view hex) {
  if (hex.size() % 2 != 0) return Status::InvalidArgument("hex string has odd length");
  if (hex.empty()) return Bytes{};  // sodium_hex2bin must not see an empty vector's null data
  Bytes out(hex.size() / 2);
  size_t written = 0;
  const char* end = nullptr;
  if (sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &written, &end) != 0 ||
      written != out.size() || end != hex.data() + hex.size()) {
    return Status::InvalidArgument("not a hex string");
  }
  return out;
}

}  // namespace pillarbox::privacy
