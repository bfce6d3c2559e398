// The keys of one evidence bundle (bundles/bundle_format.h), derived from its
// random 32-byte bundle key with crypto_kdf (context "pbxbundl"): subkey 1
// authenticates the clear header (keyed BLAKE2b-256), subkey 2 encrypts the
// parts (privacy/secret_stream.h). The bundle key itself travels sealed to
// the recipient organization (privacy/envelope.h, SealKeyTo). Move-only.
#pragma once

#include "privacy/bytes.h"

namespace pillarbox::privacy {

inline constexpr size_t kSealedKeyBytes = kKeyBytes + 48;  // crypto_box_SEALBYTES
inline constexpr size_t kHeaderTagBytes = 32;

struct BundleKeys {
  SecretKey header_key;  // keyed BLAKE2b-256 of the clear header bytes
  SecretKey stream_key;  // every part's secretstream

  // Derives both keys from `bundle_key`; always the same for the same key.
  static BundleKeys Derive(const SecretKey& bundle_key);
};

}  // namespace pillarbox::privacy
