#include "bundle_forger.h"

#include "bundles/bundle_layout.h"
#include "privacy/bundle_keys.h"
#include "privacy/envelope.h"
#include "privacy/keyed_hash.h"
#include "privacy/secret_stream.h"

namespace pillarbox::bundles::testing {
namespace {

void AppendBytes(std::string& out, privacy::ByteView bytes) {
  out.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

void AppendPart(std::string& out, const privacy::SecretKey& key, const std::string& context, std::string_view content) {
  layout::AppendU64(out, layout::PartCiphertextBytes(content.size()));
  privacy::SecretStreamWriter stream(key, context);
  AppendBytes(out, stream.header());
  privacy::Bytes ciphertext;
  size_t offset = 0;
  do {
    const size_t length = std::min(layout::kPartMessageBytes, content.size() - offset);
    stream.Push(privacy::AsBytes(content.substr(offset, length)), offset + length == content.size(), ciphertext);
    AppendBytes(out, ciphertext);
    offset += length;
  } while (offset < content.size());
}

}  // namespace

std::string ForgeBundle(const Forgery& forgery, const privacy::BoxPublicKey& recipient) {
  const privacy::SecretKey bundle_key = privacy::SecretKey::Random();
  const privacy::BundleKeys keys = privacy::BundleKeys::Derive(bundle_key);
  const std::string json = layout::EncodeHeaderJson(forgery.header, forgery.claimed_signer, recipient);
  std::string out(layout::kMagic);
  layout::AppendU16(out, layout::kFormatVersion);
  layout::AppendU32(out, static_cast<uint32_t>(json.size()));
  out += json;
  AppendBytes(out, privacy::SealKeyTo(recipient, bundle_key));
  AppendBytes(out, privacy::KeyedBlake2b256(keys.header_key, privacy::AsBytes(out)));
  const std::string& id = forgery.header.bundle_id;
  for (size_t i = 0; i < forgery.entries.size(); ++i) {
    AppendPart(out, keys.stream_key, layout::PartContext(id, "entry", i), forgery.entries[i].second);
  }
  AppendPart(out, keys.stream_key, layout::PartContext(id, "manifest"), forgery.manifest_json);
  std::string signature_part;
  layout::AppendU64(signature_part, layout::PartCiphertextBytes(forgery.manifest_json.size()));
  signature_part.append(reinterpret_cast<const char*>(forgery.signature.data()), forgery.signature.size());
  AppendPart(out, keys.stream_key, layout::PartContext(id, "signature"), signature_part);
  return out;
}

}  // namespace pillarbox::bundles::testing
