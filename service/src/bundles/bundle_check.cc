// CheckBundle (declared in bundles/bundle_format.h); the layout is in
// bundles/bundle_layout.h. The signature part is found from the end of the
// file and gives the manifest's length, so a damaged length field of an
// entry is named without losing the manifest; when the signature part is
// damaged the parts are walked from the front instead.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bundles/bundle_format.h"
#include "bundles/bundle_layout.h"
#include "privacy/bundle_keys.h"
#include "privacy/content_hash.h"
#include "privacy/envelope.h"
#include "privacy/keyed_hash.h"
#include "privacy/secret_stream.h"
#include "privacy/wipe.h"

namespace pillarbox::bundles {
namespace {

using privacy::ByteView;
using EntryCallback = std::function<void(const ManifestEntry&, std::string_view)>;

// A part's place in the file: its length prefix at `offset`, its ciphertext after it.
struct PartSpan {
  uint64_t offset = 0;
  uint64_t length = 0;
  uint64_t end() const { return offset + layout::kLengthBytes + length; }
};

// The clear header section, parsed but not yet authenticated.
struct HeaderSection {
  layout::DecodedHeader decoded;
  std::string_view authenticated;  // every byte before the tag
  std::string_view sealed_key;
  std::string_view tag;
  uint64_t parts_start = 0;
};

// What the checks below share.
struct Checker {
  std::string_view bundle;
  const privacy::SecretKey& stream_key;
  std::string bundle_id;
  uint64_t parts_start;
  std::vector<std::string>& problems;
  privacy::BoxPublicKey organization;  // the public key of the secret key checking the bundle
  void Problem(std::string_view part, std::string_view what) {
    problems.push_back(std::string(part) + ": " + std::string(what));
  }
};

ByteView View(std::string_view text) { return privacy::AsBytes(text); }

Result<HeaderSection> ReadHeaderSection(std::string_view bundle) {
  if (bundle.size() < layout::kPrefixBytes) return Status::InvalidArgument("truncated");
  const uint64_t version = layout::ReadLittleEndian(bundle.substr(8, 2));
  if (version != layout::kFormatVersion) {
    return Status::InvalidArgument("unsupported format version " + std::to_string(version) +
                                   " (this build reads version 1)");
  }
  const uint64_t json_bytes = layout::ReadLittleEndian(bundle.substr(10, 4));
  if (json_bytes == 0 || json_bytes > layout::kMaxHeaderJsonBytes) {
    return Status::InvalidArgument("header JSON length " + std::to_string(json_bytes) + " is out of range");
  }
  const uint64_t tag_at = layout::kPrefixBytes + json_bytes + privacy::kSealedKeyBytes;
  if (bundle.size() < tag_at + privacy::kHeaderTagBytes) return Status::InvalidArgument("truncated");
  HeaderSection section;
  PB_ASSIGN_OR_RETURN(section.decoded, layout::DecodeHeaderJson(bundle.substr(layout::kPrefixBytes, json_bytes)));
  section.authenticated = bundle.substr(0, tag_at);
  section.sealed_key = bundle.substr(tag_at - privacy::kSealedKeyBytes, privacy::kSealedKeyBytes);
  section.tag = bundle.substr(tag_at, privacy::kHeaderTagBytes);
  section.parts_start = tag_at + privacy::kHeaderTagBytes;
  return section;
}

// Decrypts the part ciphertext `ciphertext` message by message, giving each
// plaintext piece to `consume`. DataLoss on any authentication or framing failure.
Status OpenPart(const privacy::SecretKey& key, std::string_view ciphertext, std::string context,
                const std::function<void(ByteView)>& consume) {
  const Status damaged = Status::DataLoss("failed authentication");
  if (ciphertext.size() < privacy::kSecretStreamHeaderBytes + privacy::kSecretStreamOverhead) return damaged;
  PB_ASSIGN_OR_RETURN(auto reader,
                      privacy::SecretStreamReader::Start(
                          key, View(ciphertext.substr(0, privacy::kSecretStreamHeaderBytes)), std::move(context)));
  constexpr size_t kMessage = layout::kPartMessageBytes + privacy::kSecretStreamOverhead;
  privacy::SensitiveBytes plaintext{privacy::Bytes()};
  plaintext.bytes().reserve(layout::kPartMessageBytes);
  size_t offset = privacy::kSecretStreamHeaderBytes;
  bool final = false;
  while (offset < ciphertext.size()) {
    const size_t length = std::min(kMessage, ciphertext.size() - offset);
    if (final || !reader.Pull(View(ciphertext.substr(offset, length)), plaintext.bytes(), final).ok()) return damaged;
    consume(plaintext.view());
    offset += length;
  }
  return final ? Status::Ok() : damaged;
}

// The whole plaintext of a small part (the manifest, the signature).
Result<std::string> OpenSmallPart(Checker& checker, const PartSpan& span, std::string_view kind) {
  if (span.length > layout::kMaxManifestPartBytes) return Status::DataLoss("too long");
  std::string content;
  PB_RETURN_IF_ERROR(OpenPart(checker.stream_key,
                              checker.bundle.substr(span.offset + layout::kLengthBytes, span.length),
                              layout::PartContext(checker.bundle_id, kind),
                              [&content](ByteView piece) { content.append(piece.begin(), piece.end()); }));
  return content;
}

uint64_t PrefixAt(std::string_view bundle, uint64_t offset) {
  return layout::ReadLittleEndian(bundle.substr(offset, layout::kLengthBytes));
}

// The parts found by following length prefixes from the first one; stops at
// the first prefix that does not fit. `leftover` counts the bytes after the last whole part.
struct Walk {
  std::vector<PartSpan> parts;
  uint64_t leftover = 0;
};
Walk WalkParts(std::string_view bundle, uint64_t start) {
  Walk walk;
  uint64_t offset = start;
  while (bundle.size() - offset >= layout::kLengthBytes) {
    const uint64_t length = PrefixAt(bundle, offset);
    if (length > bundle.size() - offset - layout::kLengthBytes) break;
    walk.parts.push_back(PartSpan{offset, length});
    offset += layout::kLengthBytes + length;
  }
  walk.leftover = bundle.size() - offset;
  return walk;
}

// The signature part's content: the manifest part's length and the signature.
struct SignaturePart {
  PartSpan span;
  uint64_t manifest_length = 0;
  privacy::Signature signature{};
};
std::optional<SignaturePart> OpenSignaturePart(Checker& checker, const PartSpan& span) {
  if (span.length != layout::kSignaturePartBytes || PrefixAt(checker.bundle, span.offset) != span.length) return {};
  auto content = OpenSmallPart(checker, span, "signature");
  if (!content.ok() || content->size() != layout::kSignaturePlaintextBytes) return {};
  SignaturePart part{span, layout::ReadLittleEndian(std::string_view(*content).substr(0, 8)), {}};
  std::copy(content->begin() + 8, content->end(), part.signature.begin());
  return part;
}

// The manifest found and read: where it is, its JSON, and the signature when readable.
struct ManifestPart {
  PartSpan span;
  std::string json;
  std::optional<SignaturePart> signature;
};

// Finds the manifest through the signature part at the end of the file.
std::optional<ManifestPart> ManifestFromTail(Checker& checker, const SignaturePart& signature) {
  const uint64_t room = signature.span.offset - checker.parts_start;
  if (room < layout::kLengthBytes || signature.manifest_length > room - layout::kLengthBytes) {
    checker.Problem("manifest", "missing: the signature part gives a length that does not fit the bundle");
    return {};
  }
  const PartSpan span{signature.span.offset - signature.manifest_length - layout::kLengthBytes,
                      signature.manifest_length};
  if (PrefixAt(checker.bundle, span.offset) != span.length) checker.Problem("manifest", "its length field was altered");
  auto json = OpenSmallPart(checker, span, "manifest");
  if (!json.ok()) {
    checker.Problem("manifest", "altered (failed authentication)");
    return {};
  }
  return ManifestPart{span, std::move(*json), signature};
}

// Finds the manifest by walking the parts from the front (the signature part is damaged).
std::optional<ManifestPart> ManifestFromWalk(Checker& checker, const Walk& walk) {
  for (size_t back = 1; back <= 2 && back <= walk.parts.size(); ++back) {
    const size_t at = walk.parts.size() - back;
    auto json = OpenSmallPart(checker, walk.parts[at], "manifest");
    if (!json.ok()) continue;
    ManifestPart found{walk.parts[at], std::move(*json), {}};
    if (at + 1 < walk.parts.size()) found.signature = OpenSignaturePart(checker, walk.parts[at + 1]);
    if (found.signature.has_value() && walk.leftover > 0) {
      checker.Problem("signature", std::to_string(walk.leftover) + " unexpected byte(s) follow the signature part");
    }
    return found;
  }
  checker.Problem("manifest", "missing or altered: no readable manifest before the signature");
  return {};
}

// Checks the signature of `manifest` and that the manifest agrees with the header.
void CheckManifestSignature(Checker& checker, const ManifestPart& manifest, const layout::DecodedManifest& decoded,
                            const BundleCheck& check, const std::optional<privacy::SigningPublicKey>& expected) {
  const BundleHeader& header = check.header;
  if (decoded.header.bundle_id != header.bundle_id || decoded.header.organization_id != header.organization_id ||
      decoded.header.created_day != header.created_day || decoded.signer != check.signer) {
    checker.Problem("manifest", "does not match the header (bundle id, organization, day or signer differ)");
  }
  if (decoded.recipient != checker.organization) {
    checker.Problem("manifest", "was signed for organization key " + privacy::ToHex(decoded.recipient.bytes) +
                                    ", not this one: the bundle was re-encrypted from another organization's bundle");
  }
  if (!manifest.signature.has_value()) return;  // already reported as damaged
  const privacy::SigningPublicKey signer = expected.value_or(check.signer);
  if (signer != check.signer) {
    checker.Problem("signature", "the bundle names signer " + privacy::ToHex(check.signer) +
                                     ", not the expected signer " + privacy::ToHex(signer));
  } else if (!privacy::VerifySignature(signer, View(layout::ManifestSigningMessage(manifest.json)),
                                       manifest.signature->signature)) {
    checker.Problem("signature", "does not verify with signer " + privacy::ToHex(signer) +
                                     ": the manifest was not signed by this key or was altered");
  }
}

// Checks entry `index` at `offset` against the manifest's `entry`.
void CheckEntry(Checker& checker, uint64_t index, uint64_t offset, const ManifestEntry& entry,
                const EntryCallback& on_entry) {
  const uint64_t expected = layout::PartCiphertextBytes(entry.size);
  if (PrefixAt(checker.bundle, offset) != expected) checker.Problem(entry.path, "its length field was altered");
  privacy::ContentHasher hasher;
  privacy::SensitiveBytes content{privacy::Bytes()};
  if (on_entry) content.bytes().reserve(entry.size);  // never reallocated: no unwiped copy is left behind
  uint64_t size = 0;
  const Status opened = OpenPart(checker.stream_key, checker.bundle.substr(offset + layout::kLengthBytes, expected),
                                 layout::PartContext(checker.bundle_id, "entry", index), [&](ByteView piece) {
                                   hasher.Update(piece);
                                   size += piece.size();
                                   if (on_entry && content.size() + piece.size() <= entry.size) {
                                     content.bytes().insert(content.bytes().end(), piece.begin(), piece.end());
                                   }
                                 });
  if (!opened.ok()) {
    checker.Problem(entry.path, "altered, moved or replaced (failed authentication)");
    return;
  }
  if (size != entry.size || privacy::ToHex(hasher.Finish()) != entry.blake2b) {
    checker.Problem(entry.path, "size or BLAKE2b hash differs from the manifest");
    return;
  }
  if (on_entry) {
    on_entry(entry, std::string_view(reinterpret_cast<const char*>(content.bytes().data()), content.size()));
  }
}

// Checks every entry the manifest lists, in order, up to the manifest's own part.
void CheckEntries(Checker& checker, const std::vector<ManifestEntry>& entries, uint64_t region_end,
                  const EntryCallback& on_entry) {
  uint64_t offset = checker.parts_start;
  for (uint64_t index = 0; index < entries.size(); ++index) {
    const uint64_t length = layout::PartCiphertextBytes(entries[index].size);
    if (region_end - offset < layout::kLengthBytes || region_end - offset - layout::kLengthBytes < length) {
      checker.Problem(entries[index].path, "missing: the bundle has no room for it before the manifest");
      offset = region_end;
      continue;
    }
    CheckEntry(checker, index, offset, entries[index], on_entry);
    offset += layout::kLengthBytes + length;
  }
  if (offset != region_end) {
    checker.Problem("manifest", std::to_string(region_end - offset) + " byte(s) before the manifest are not listed");
  }
}

// Without a readable manifest: names each entry part that fails to open as "entry N".
void CheckUnlistedEntries(Checker& checker, const Walk& walk) {
  const size_t entries = walk.parts.size() >= 2 ? walk.parts.size() - 2 : 0;
  for (size_t index = 0; index < entries; ++index) {
    const PartSpan& span = walk.parts[index];
    const Status opened =
        OpenPart(checker.stream_key, checker.bundle.substr(span.offset + layout::kLengthBytes, span.length),
                 layout::PartContext(checker.bundle_id, "entry", index), [](ByteView) {});
    if (!opened.ok()) checker.Problem("entry " + std::to_string(index), "altered (failed authentication)");
  }
}

// Checks everything after the header: signature, manifest, entries.
void CheckParts(Checker& checker, BundleCheck& check, const std::optional<privacy::SigningPublicKey>& expected,
                const EntryCallback& on_entry) {
  std::optional<SignaturePart> tail;
  const uint64_t tail_bytes = layout::kLengthBytes + layout::kSignaturePartBytes;
  if (checker.bundle.size() - checker.parts_start >= tail_bytes) {
    tail = OpenSignaturePart(checker, PartSpan{checker.bundle.size() - tail_bytes, layout::kSignaturePartBytes});
  }
  if (!tail.has_value()) checker.Problem("signature", "missing, altered or not at the end of the bundle");
  const Walk walk = WalkParts(checker.bundle, checker.parts_start);
  const std::optional<ManifestPart> manifest =
      tail.has_value() ? ManifestFromTail(checker, *tail) : ManifestFromWalk(checker, walk);
  if (!manifest.has_value()) return CheckUnlistedEntries(checker, walk);
  auto decoded = layout::DecodeManifest(manifest->json);
  if (!decoded.ok()) {
    checker.Problem("manifest", "malformed: " + decoded.status().message());
    return;
  }
  CheckManifestSignature(checker, *manifest, *decoded, check, expected);
  check.manifest = decoded->entries;
  CheckEntries(checker, check.manifest, manifest->span.offset, on_entry);
}

std::string BundleKeyProblem(const layout::DecodedHeader& decoded, const privacy::BoxPublicKey& ours) {
  if (decoded.recipient != ours) {
    return "bundle key: sealed to organization key " + privacy::ToHex(decoded.recipient.bytes) + ", not to this key (" +
           privacy::ToHex(ours.bytes) + "): the bundle is for another organization";
  }
  return "bundle key: altered: it cannot be opened with this organization's key";
}

}  // namespace

Result<BundleCheck> CheckBundle(std::string_view bundle, const privacy::SecretKey& organization_secret_key,
                                const std::optional<privacy::SigningPublicKey>& expected_signer,
                                const EntryCallback& on_entry) {
  if (bundle.size() < layout::kMagic.size() || bundle.substr(0, layout::kMagic.size()) != layout::kMagic) {
    return Status::InvalidArgument("not a Pillarbox bundle: the header's magic bytes are missing or altered");
  }
  BundleCheck check;
  auto section = ReadHeaderSection(bundle);
  if (!section.ok()) {
    check.problems.push_back("header: " + section.status().message());
    return check;
  }
  check.header = section->decoded.header;
  check.signer = section->decoded.signer;
  const privacy::BoxKeyPair pair = privacy::BoxKeyPair::FromSecretKey(organization_secret_key.Clone());
  auto bundle_key = privacy::OpenSealedKey(pair, View(section->sealed_key));
  if (!bundle_key.ok()) {
    check.problems.push_back(BundleKeyProblem(section->decoded, pair.public_key));
    return check;
  }
  const privacy::BundleKeys keys = privacy::BundleKeys::Derive(*bundle_key);
  if (!privacy::DigestsEqual(privacy::KeyedBlake2b256(keys.header_key, View(section->authenticated)),
                             View(section->tag))) {
    check.problems.push_back("header: altered (its authentication tag does not match); nothing else was checked");
    return check;
  }
  Checker checker{bundle,         keys.stream_key, check.header.bundle_id, section->parts_start,
                  check.problems, pair.public_key};
  CheckParts(checker, check, expected_signer, on_entry);
  return check;
}

}  // namespace pillarbox::bundles
