// The byte layout of an evidence bundle file, shared by BundleWriter and
// CheckBundle (bundles/bundle_format.h); docs/ARCHITECTURE.md "Evidence bundles" draws it.
// All integers are little-endian.
//
//   header      magic "PBXBUNDL" | u16 version (1) | u32 n | n bytes header JSON
//   bundle key  kSealedKeyBytes: the random bundle key, crypto_box_seal'ed to the organization
//   header tag  32 bytes: keyed BLAKE2b-256 (header subkey) of every byte before it
//   entries     per entry i = 0..N-1: u64 L | L bytes secretstream (context PartContext(id, "entry", i))
//   manifest    u64 L | L bytes secretstream (context PartContext(id, "manifest"))
//   signature   u64 113 | 113 bytes secretstream (context PartContext(id, "signature")) of
//               u64 manifest L | 64-byte Ed25519 signature of ManifestSigningMessage(manifest)
//
// A secretstream is its 24-byte header and messages of kPartMessageBytes
// plaintext (the last one shorter, or empty for empty content, tagged FINAL).
// Thread-safe (pure functions).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bundles/bundle_format.h"
#include "common/status.h"
#include "privacy/bundle_keys.h"
#include "privacy/secret_stream.h"

namespace pillarbox::bundles::layout {

inline constexpr std::string_view kMagic = "PBXBUNDL";
inline constexpr uint16_t kFormatVersion = 1;
inline constexpr size_t kPrefixBytes = 8 + 2 + 4;  // magic, version, header JSON length
inline constexpr size_t kMaxHeaderJsonBytes = 4096;
inline constexpr size_t kLengthBytes = 8;  // a part's length prefix
inline constexpr size_t kPartMessageBytes = 64 * 1024;
inline constexpr size_t kSignaturePlaintextBytes = 8 + privacy::kSignatureBytes;
inline constexpr uint64_t kSignaturePartBytes =
    privacy::kSecretStreamHeaderBytes + kSignaturePlaintextBytes + privacy::kSecretStreamOverhead;
inline constexpr uint64_t kMaxManifestPartBytes = 64ull * 1024 * 1024;
inline constexpr std::string_view kManifestFormat = "pillarbox-bundle-manifest-v1";

// The associated data of every message of a part: binds it to the bundle
// and, for entries, to its position.
std::string PartContext(std::string_view bundle_id, std::string_view kind, std::optional<uint64_t> index = {});

// The ciphertext length (stream header included) of a part of `plaintext_size` bytes.
uint64_t PartCiphertextBytes(uint64_t plaintext_size);

// What the signature covers: kManifestFormat, a newline, then the manifest JSON.
std::string ManifestSigningMessage(std::string_view manifest_json);

void AppendU16(std::string& out, uint16_t value);
void AppendU32(std::string& out, uint32_t value);
void AppendU64(std::string& out, uint64_t value);
// The little-endian integer of `bytes.size()` (2, 4 or 8) bytes.
uint64_t ReadLittleEndian(std::string_view bytes);

// OK when `header` has a 32-hex-digit bundle id, an organization id of 1-64
// [A-Za-z0-9._-] and a YYYY-MM-DD day; InvalidArgument naming the field otherwise.
Status ValidateHeader(const BundleHeader& header);

// The clear header JSON of a bundle.
std::string EncodeHeaderJson(const BundleHeader& header, const privacy::SigningPublicKey& signer,
                             const privacy::BoxPublicKey& recipient);

// What a header JSON says.
struct DecodedHeader {
  BundleHeader header;
  privacy::SigningPublicKey signer{};
  privacy::BoxPublicKey recipient;
};
// Parses and validates a header JSON; InvalidArgument saying what is wrong.
Result<DecodedHeader> DecodeHeaderJson(std::string_view json);

// The manifest JSON: kManifestFormat, the header fields, the signer, the
// recipient organization's public key and the entries.
std::string EncodeManifest(const BundleHeader& header, const privacy::SigningPublicKey& signer,
                           const privacy::BoxPublicKey& recipient, const std::vector<ManifestEntry>& entries);

// What a manifest says.
struct DecodedManifest {
  BundleHeader header;
  privacy::SigningPublicKey signer{};
  privacy::BoxPublicKey recipient;
  std::vector<ManifestEntry> entries;
};
// Parses and validates a manifest (paths valid and unique, hashes 64 lowercase
// hex digits); InvalidArgument saying what is wrong.
Result<DecodedManifest> DecodeManifest(std::string_view json);

}  // namespace pillarbox::bundles::layout
