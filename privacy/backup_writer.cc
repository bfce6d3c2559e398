// BackupWriter (declared in privacy/backup_file.h); the layout is in
// privacy/backup_layout.h.
#include <algorithm>
#include <utility>

#include "privacy/backup_file.h"
#include "privacy/backup_layout.h"

namespace pillarbox::privacy {
namespace {

namespace layout = backup_layout;

// Everything a writer holds (BackupWriter::State derives from it so the
// helpers below can name it).
struct WriterCore {
  BackupWriter::Sink sink;
  SigningKey signer;
  Bytes header_bytes;
  SecretStreamWriter stream;
  ContentHasher ciphertext_hash;
  Bytes pending;     // plaintext not yet encrypted (at most one chunk)
  Bytes ciphertext;  // one chunk at a time
  uint64_t written = 0;
  bool finished = false;
  bool broken = false;  // the sink failed: the file is incomplete
};

Status Emit(WriterCore& state, ByteView bytes) {
  Status status = state.sink(bytes);
  if (!status.ok()) {
    state.broken = true;
    return status;
  }
  state.written += bytes.size();
  return Status::Ok();
}

// Encrypts `pending` as the next chunk and writes it.
Status EmitChunk(WriterCore& state, bool final) {
  state.stream.Push(state.pending, final, state.ciphertext);
  state.pending.clear();
  state.ciphertext_hash.Update(state.ciphertext);
  return Emit(state, state.ciphertext);
}

Status Usable(const WriterCore* state) {
  if (state == nullptr) return Status::FailedPrecondition("backup writer was moved from");
  if (state->broken) return Status::FailedPrecondition("backup writer's sink failed earlier; the file is incomplete");
  if (state->finished) return Status::FailedPrecondition("backup is already finished");
  return Status::Ok();
}

// The header fields of a new backup and its file key.
Result<std::pair<layout::RawHeader, SecretKey>> NewHeader(BackupHeader header, const BackupKeySource& key) {
  layout::RawHeader raw;
  header.key_mode = key.passphrase.has_value() ? BackupKeyMode::kPassphrase : BackupKeyMode::kInstance;
  raw.header = std::move(header);
  if (raw.header.key_mode == BackupKeyMode::kPassphrase) raw.kdf = key.kdf;
  Bytes salt = NewPasswordSalt();
  std::copy_n(salt.begin(), raw.salt.size(), raw.salt.begin());
  PB_ASSIGN_OR_RETURN(SecretKey file_key, layout::DeriveFileKey(raw, key));
  raw.key_check = layout::KeyCheck(file_key);
  return std::make_pair(std::move(raw), std::move(file_key));
}

}  // namespace

struct BackupWriter::State : WriterCore {};

Result<BackupWriter> BackupWriter::Start(Sink sink, BackupHeader header, const BackupKeySource& key,
                                         const SigningKey& signer) {
  PB_ASSIGN_OR_RETURN(auto fresh, NewHeader(std::move(header), key));
  SecretStreamWriter stream(fresh.second, std::string(layout::kStreamContext));
  fresh.first.stream_header = stream.header();
  PB_ASSIGN_OR_RETURN(Bytes header_bytes, layout::EncodeHeader(fresh.first));
  auto state = std::unique_ptr<State>(new State{
      {std::move(sink), signer.Clone(), std::move(header_bytes), std::move(stream), ContentHasher(), {}, {}}});
  state->pending.reserve(kBackupChunkBytes);
  PB_RETURN_IF_ERROR(Emit(*state, state->header_bytes));
  return BackupWriter(std::move(state));
}

BackupWriter::BackupWriter(std::unique_ptr<State> state) : state_(std::move(state)) {}
BackupWriter::BackupWriter(BackupWriter&&) noexcept = default;
BackupWriter& BackupWriter::operator=(BackupWriter&&) noexcept = default;
BackupWriter::~BackupWriter() = default;

Status BackupWriter::Append(ByteView plaintext) {
  PB_RETURN_IF_ERROR(Usable(state_.get()));
  while (!plaintext.empty()) {
    // A full pending chunk is written only once more data arrives, so the
    // last chunk is always the one Finish tags FINAL.
    if (state_->pending.size() == kBackupChunkBytes) PB_RETURN_IF_ERROR(EmitChunk(*state_, false));
    const size_t take = std::min(plaintext.size(), kBackupChunkBytes - state_->pending.size());
    state_->pending.insert(state_->pending.end(), plaintext.begin(), plaintext.begin() + static_cast<long>(take));
    plaintext = plaintext.subspan(take);
  }
  return Status::Ok();
}

Status BackupWriter::Finish() {
  PB_RETURN_IF_ERROR(Usable(state_.get()));
  PB_RETURN_IF_ERROR(EmitChunk(*state_, true));
  state_->finished = true;
  const ContentHash hash = state_->ciphertext_hash.Finish();
  const Signature signature = state_->signer.Sign(layout::SignedMessage(state_->header_bytes, hash));
  PB_RETURN_IF_ERROR(Emit(*state_, signature));
  return Emit(*state_, AsBytes(layout::kEndMarker));
}

uint64_t BackupWriter::bytes_written() const { return state_ == nullptr ? 0 : state_->written; }

}  // namespace pillarbox::privacy
