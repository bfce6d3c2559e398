// Byte strings and secret keys shared by the privacy library's interfaces.
// Nothing outside privacy/ includes sodium.h; these types are the only door.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace pillarbox::privacy {

using Bytes = std::vector<uint8_t>;
using ByteView = std::span<const uint8_t>;

inline constexpr size_t kKeyBytes = 32;

// Views the characters of `text` as bytes (no copy).
inline ByteView AsBytes(std::string_view text) {
  return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}

// Lowercase hexadecimal of `bytes`.
std::string ToHex(ByteView bytes);
// Decodes lowercase or uppercase hexadecimal; InvalidArgument on odd length or a non-hex digit.
Result<Bytes> FromHex(std::string_view hex);

// A 32-byte secret key held in locked memory (a slot of a sodium_malloc'd
// region, privacy/key_arena.h: guard pages around the region, mlock'd,
// where the system allows, wiped on destruction). Move-only. A moved-from key is
// empty and must not be used. Thread-compatible.
class SecretKey {
 public:
  // A fresh key from the system CSPRNG.
  static SecretKey Random();
  // Copies exactly kKeyBytes bytes; InvalidArgument for any other length.
  static Result<SecretKey> FromBytes(ByteView bytes);

  SecretKey(SecretKey&& other) noexcept;
  SecretKey& operator=(SecretKey&& other) noexcept;
  SecretKey(const SecretKey&) = delete;
  SecretKey& operator=(const SecretKey&) = delete;
  ~SecretKey();

  // The key bytes (kKeyBytes long). Valid while this object lives.
  ByteView bytes() const;
  // A second key with the same bytes, in its own protected memory.
  SecretKey Clone() const;

 private:
  SecretKey();
  uint8_t* data_ = nullptr;
};

// An X25519 public key (crypto_box).
struct BoxPublicKey {
  std::array<uint8_t, kKeyBytes> bytes{};
  bool operator==(const BoxPublicKey&) const = default;
};

// An X25519 key pair; the secret half lives in protected memory. Move-only.
struct BoxKeyPair {
  BoxPublicKey public_key;
  SecretKey secret_key;
  // A fresh key pair from the CSPRNG.
  static BoxKeyPair Generate();
  // Rebuilds the pair from its secret half (the public key is recomputed).
  static BoxKeyPair FromSecretKey(SecretKey secret_key);
};

// Fills a buffer of `size` bytes from the system CSPRNG.
Bytes RandomBytes(size_t size);

}  // namespace pillarbox::privacy
