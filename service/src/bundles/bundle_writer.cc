// BundleWriter (declared in bundles/bundle_format.h); the layout is in
// bundles/bundle_layout.h.
#include <set>
#include <utility>

#include "bundles/bundle_format.h"
#include "bundles/bundle_layout.h"
#include "bundles/entry_path.h"
#include "privacy/bundle_keys.h"
#include "privacy/content_hash.h"
#include "privacy/envelope.h"
#include "privacy/keyed_hash.h"
#include "privacy/secret_stream.h"
#include "privacy/wipe.h"

namespace pillarbox::bundles {

namespace {

// Everything a writer holds (BundleWriter::State derives from it so the
// helpers below can name it).
struct WriterCore {
  BundleWriter::Sink sink;
  BundleHeader header;
  privacy::BoxPublicKey recipient;
  privacy::SigningKey signer;
  privacy::SecretKey stream_key;
  std::vector<ManifestEntry> entries;
  std::set<std::string, std::less<>> paths;
  privacy::Bytes ciphertext;  // one message at a time
  bool finished = false;
  bool broken = false;  // the sink failed: the file is incomplete
};

using State = WriterCore;

Status Emit(State& state, std::string_view bytes) {
  Status status = state.sink(bytes);
  if (!status.ok()) state.broken = true;
  return status;
}

Status EmitBytes(State& state, privacy::ByteView bytes) {
  return Emit(state, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

// Writes `content` as one length-prefixed part with `context`, message by message.
Status WritePart(State& state, std::string_view context, privacy::ByteView content) {
  std::string prefix;
  layout::AppendU64(prefix, layout::PartCiphertextBytes(content.size()));
  PB_RETURN_IF_ERROR(Emit(state, prefix));
  privacy::SecretStreamWriter stream(state.stream_key, std::string(context));
  PB_RETURN_IF_ERROR(EmitBytes(state, stream.header()));
  size_t offset = 0;
  do {
    const size_t length = std::min(layout::kPartMessageBytes, content.size() - offset);
    const bool final = offset + length == content.size();
    stream.Push(content.subspan(offset, length), final, state.ciphertext);
    PB_RETURN_IF_ERROR(EmitBytes(state, state.ciphertext));
    offset += length;
  } while (offset < content.size());
  return Status::Ok();
}

Status Usable(const State* state) {
  if (state == nullptr) return Status::FailedPrecondition("bundle writer was moved from");
  if (state->broken) return Status::FailedPrecondition("bundle writer's sink failed earlier; the bundle is incomplete");
  if (state->finished) return Status::FailedPrecondition("bundle is already finished");
  return Status::Ok();
}

}  // namespace

struct BundleWriter::State : WriterCore {};

Result<BundleWriter> BundleWriter::Start(Sink sink, const BundleHeader& header, const privacy::SigningKey& signer,
                                         const privacy::BoxPublicKey& recipient) {
  PB_RETURN_IF_ERROR(layout::ValidateHeader(header));
  const privacy::SecretKey bundle_key = privacy::SecretKey::Random();
  privacy::BundleKeys keys = privacy::BundleKeys::Derive(bundle_key);
  auto state = std::unique_ptr<State>(new State{
      {std::move(sink), header, recipient, signer.Clone(), std::move(keys.stream_key), {}, {}, {}, false, false}});
  const std::string json = layout::EncodeHeaderJson(header, signer.public_key(), recipient);
  std::string head(layout::kMagic);
  layout::AppendU16(head, layout::kFormatVersion);
  layout::AppendU32(head, static_cast<uint32_t>(json.size()));
  head += json;
  const privacy::Bytes sealed = privacy::SealKeyTo(recipient, bundle_key);
  head.append(reinterpret_cast<const char*>(sealed.data()), sealed.size());
  const privacy::Bytes tag = privacy::KeyedBlake2b256(keys.header_key, privacy::AsBytes(head));
  head.append(reinterpret_cast<const char*>(tag.data()), tag.size());
  PB_RETURN_IF_ERROR(Emit(*state, head));
  return BundleWriter(std::move(state));
}

BundleWriter::BundleWriter(std::unique_ptr<State> state) : state_(std::move(state)) {}
BundleWriter::BundleWriter(BundleWriter&&) noexcept = default;
BundleWriter& BundleWriter::operator=(BundleWriter&&) noexcept = default;
BundleWriter::~BundleWriter() {
  if (state_ != nullptr) privacy::Wipe(state_->ciphertext);
}

Status BundleWriter::AddEntry(std::string_view path, std::string_view content) {
  PB_RETURN_IF_ERROR(Usable(state_.get()));
  PB_RETURN_IF_ERROR(ValidateEntryPath(path));
  if (state_->paths.contains(path)) return Status::InvalidArgument("entry path appears twice in the bundle", "path");
  const uint64_t index = state_->entries.size();
  const privacy::ByteView bytes = privacy::AsBytes(content);
  PB_RETURN_IF_ERROR(WritePart(*state_, layout::PartContext(state_->header.bundle_id, "entry", index), bytes));
  state_->paths.emplace(path);
  state_->entries.push_back(
      ManifestEntry{std::string(path), content.size(), privacy::ToHex(privacy::HashContent(bytes))});
  return Status::Ok();
}

Status BundleWriter::Finish() {
  PB_RETURN_IF_ERROR(Usable(state_.get()));
  State& state = *state_;
  const std::string manifest =
      layout::EncodeManifest(state.header, state.signer.public_key(), state.recipient, state.entries);
  PB_RETURN_IF_ERROR(
      WritePart(state, layout::PartContext(state.header.bundle_id, "manifest"), privacy::AsBytes(manifest)));
  const privacy::Signature signature = state.signer.Sign(privacy::AsBytes(layout::ManifestSigningMessage(manifest)));
  std::string signature_part;
  layout::AppendU64(signature_part, layout::PartCiphertextBytes(manifest.size()));
  signature_part.append(reinterpret_cast<const char*>(signature.data()), signature.size());
  PB_RETURN_IF_ERROR(
      WritePart(state, layout::PartContext(state.header.bundle_id, "signature"), privacy::AsBytes(signature_part)));
  state.finished = true;
  return Status::Ok();
}

}  // namespace pillarbox::bundles
