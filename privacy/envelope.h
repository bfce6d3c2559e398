// Envelope encryption of report fields (docs/ARCHITECTURE.md, "Keys").
//
// Each report has a random data key. Each sensitive field is padded (padding.h)
// and encrypted with XChaCha20-Poly1305 under the data key with a random nonce
// and associated data "pillarbox/v1|<table>|<record id>|<field>|<key version>",
// so a ciphertext moved to another record, field or table fails to open. The
// data key is sealed to the desk's public key (crypto_box_seal) and wrapped
// under the reporter key derived from the receipt. All functions are
// thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "privacy/bytes.h"

namespace pillarbox::privacy {

// Where a sealed value belongs; bound into its associated data.
struct FieldContext {
  std::string_view table;      // e.g. "report_fields"
  std::string_view record_id;  // e.g. the report id
  std::string_view field;      // e.g. "narrative"
  uint32_t key_version = 1;    // version of the key that seals it
};

// The associated data string for `context` (exposed for tests).
std::string AssociatedData(const FieldContext& context);

// Layout of a sealed field: 1 format byte (0x01) || 24-byte nonce || ciphertext || 16-byte tag.
// Never fails for a valid key.
Bytes SealField(const SecretKey& key, const FieldContext& context, std::string_view plaintext);
// Opens what SealField produced with the same key and context. DataLoss when
// the key, context or any byte differs, or the format byte is unknown; never
// returns partial plaintext.
Result<std::string> OpenField(const SecretKey& key, const FieldContext& context, ByteView sealed);

// Seals `key` to `recipient` (crypto_box_seal): only the holder of the matching
// secret key can open it. The sender needs no secret, so the intake path can
// seal without being able to open.
Bytes SealKeyTo(const BoxPublicKey& recipient, const SecretKey& key);
// Opens what SealKeyTo produced. DataLoss on any mismatch or tampering.
Result<SecretKey> OpenSealedKey(const BoxKeyPair& recipient, ByteView sealed);

// Wraps `key` under `wrapping_key` (XChaCha20-Poly1305, random nonce,
// associated data `purpose`, e.g. "reporter-data-key"). Same layout as SealField.
Bytes WrapKey(const SecretKey& wrapping_key, std::string_view purpose, const SecretKey& key);
// Unwraps what WrapKey produced with the same key and purpose; DataLoss otherwise.
Result<SecretKey> UnwrapKey(const SecretKey& wrapping_key, std::string_view purpose, ByteView wrapped);

}  // namespace pillarbox::privacy
