// The evidence bundle file: what a partner organization receives. A bundle
// is a sequence of entries (case summary, redacted answers, evidence files,
// pillars and actions, a chain-of-custody extract), a manifest listing every
// entry with its size and BLAKE2b-256 hash, and the manifest's Ed25519
// signature by the instance. Everything after a short clear header is
// encrypted to the organization's X25519 public key: a random bundle key is
// sealed to it (crypto_box_seal) and each entry, the manifest and the
// signature are separate crypto_secretstream streams under that key, so a
// damaged byte is reported against the part it belongs to.
// docs/ARCHITECTURE.md ("Evidence bundles") gives the byte layout.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "privacy/bytes.h"
#include "privacy/signing_key.h"

namespace pillarbox::bundles {

// What the clear header says about a bundle (no case, report or person).
struct BundleHeader {
  std::string bundle_id;        // 32 lowercase hex digits
  std::string organization_id;  // the recipient organization
  std::string created_day;      // YYYY-MM-DD (UTC)
};

// Writes one bundle to `sink` as it goes, so an entry is held in memory only
// while it is added. Move-only; not thread-safe.
class BundleWriter {
 public:
  // Receives consecutive pieces of the bundle file; a non-OK Status aborts.
  using Sink = std::function<Status(std::string_view)>;

  // Writes the clear header and the sealed bundle key.
  static Result<BundleWriter> Start(Sink sink, const BundleHeader& header, const privacy::SigningKey& signer,
                                    const privacy::BoxPublicKey& recipient);
  BundleWriter(BundleWriter&&) noexcept;
  BundleWriter& operator=(BundleWriter&&) noexcept;
  ~BundleWriter();

  // Appends an entry. `path` is a relative name such as "reports/<id>/answers.json"
  // ([A-Za-z0-9._/-], no "..", unique in the bundle); InvalidArgument otherwise.
  Status AddEntry(std::string_view path, std::string_view content);
  // Writes the manifest and its signature. No entry may be added afterwards.
  Status Finish();

 private:
  struct State;
  explicit BundleWriter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// One entry as listed in a verified manifest.
struct ManifestEntry {
  std::string path;
  uint64_t size = 0;
  std::string blake2b;  // 64 lowercase hex digits of the entry's plaintext
};

// The outcome of checking a bundle. `problems` is empty exactly when the
// bundle is intact; otherwise each problem names the part it concerns
// ("header", "bundle key", "manifest", "signature", or an entry's path, or
// "entry N" when the manifest itself cannot be read) and what is wrong.
struct BundleCheck {
  BundleHeader header;
  privacy::SigningPublicKey signer{};  // the key that signed the manifest
  std::vector<ManifestEntry> manifest;
  std::vector<std::string> problems;
  bool intact() const { return problems.empty(); }
};

// Checks `bundle` with the organization's secret key: the header, the
// manifest's signature (by `expected_signer` when given, else by the key the
// bundle names), and every entry's hash and size against the manifest.
// Problems are reported in the result, not as an error; an error Status only
// for unusable input (InvalidArgument "not a Pillarbox bundle").
// `on_entry`, when given, receives each entry whose hash matched.
Result<BundleCheck> CheckBundle(std::string_view bundle, const privacy::SecretKey& organization_secret_key,
                                const std::optional<privacy::SigningPublicKey>& expected_signer,
                                const std::function<void(const ManifestEntry&, std::string_view content)>& on_entry =
                                    nullptr);

}  // namespace pillarbox::bundles
