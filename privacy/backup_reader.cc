// OpenBackup (declared in privacy/backup_file.h); the layout is in
// privacy/backup_layout.h.
#include <algorithm>

#include "privacy/backup_file.h"
#include "privacy/backup_layout.h"
#include "privacy/keyed_hash.h"

namespace pillarbox::privacy {
namespace {

namespace layout = backup_layout;

// The parts of a file whose size and end marker are plausible.
struct FileParts {
  ByteView header;
  ByteView chunks;
  ByteView signature;
};

Result<FileParts> SplitFile(ByteView file) {
  if (file.size() < layout::kMagic.size() ||
      !std::equal(layout::kMagic.begin(), layout::kMagic.end(), file.begin())) {
    return Status::InvalidArgument("not a Pillarbox backup");
  }
  if (file.size() < kBackupHeaderBytes + kSecretStreamOverhead + kBackupTrailerBytes) {
    return Status::DataLoss("truncated: the file is shorter than an empty backup");
  }
  const ByteView end = file.last(layout::kEndMarker.size());
  if (!std::equal(layout::kEndMarker.begin(), layout::kEndMarker.end(), end.begin())) {
    return Status::DataLoss("truncated: the end marker is missing (the file was cut short or its end altered)");
  }
  const size_t chunk_bytes = file.size() - kBackupHeaderBytes - kBackupTrailerBytes;
  return FileParts{file.first(kBackupHeaderBytes), file.subspan(kBackupHeaderBytes, chunk_bytes),
                   file.subspan(kBackupHeaderBytes + chunk_bytes, kSignatureBytes)};
}

bool SignatureValid(const FileParts& parts, const ContentHash& hash, const SigningPublicKey& signer) {
  Signature signature{};
  std::copy(parts.signature.begin(), parts.signature.end(), signature.begin());
  return VerifySignature(signer, layout::SignedMessage(parts.header, hash), signature);
}

Status SignatureProblem() {
  return Status::DataLoss(
      "signature: the backup is not signed by this instance (made by another instance, or its header or "
      "signature was altered)");
}

// Decrypts every chunk in order, hashing their ciphertext into `hash`.
Status DecryptChunks(const layout::RawHeader& raw, const SecretKey& file_key, ByteView chunks,
                     const std::function<Status(ByteView)>& on_plaintext, ContentHash& hash) {
  PB_ASSIGN_OR_RETURN(SecretStreamReader stream,
                      SecretStreamReader::Start(file_key, raw.stream_header, std::string(layout::kStreamContext)));
  ContentHasher hasher;
  const size_t sealed_chunk = raw.chunk_bytes + kSecretStreamOverhead;
  Bytes plaintext;
  bool final = false;
  for (size_t index = 0; !chunks.empty(); ++index) {
    const std::string name = "chunk " + std::to_string(index);
    if (final) return Status::DataLoss(name + ": data follows the final chunk");
    const ByteView sealed = chunks.first(std::min(sealed_chunk, chunks.size()));
    chunks = chunks.subspan(sealed.size());
    if (!stream.Pull(sealed, plaintext, final).ok()) {
      return Status::DataLoss(name + ": does not authenticate (altered or damaged)");
    }
    hasher.Update(sealed);
    PB_RETURN_IF_ERROR(on_plaintext(plaintext));
  }
  if (!final) return Status::DataLoss("truncated: the final chunk is missing");
  hash = hasher.Finish();
  return Status::Ok();
}

}  // namespace

Result<BackupHeader> OpenBackup(ByteView file, const BackupKeySource& key, const SigningPublicKey& signer,
                                const std::function<Status(ByteView plaintext)>& on_plaintext) {
  PB_ASSIGN_OR_RETURN(const FileParts parts, SplitFile(file));
  PB_ASSIGN_OR_RETURN(const layout::RawHeader raw, layout::DecodeHeader(parts.header));
  PB_ASSIGN_OR_RETURN(const SecretKey file_key, layout::DeriveFileKey(raw, key));
  if (!DigestsEqual(layout::KeyCheck(file_key), raw.key_check)) {
    // Without the right key nothing decrypts; the signature tells whether the
    // header is this instance's (then the passphrase is wrong) or not.
    ContentHasher hasher;
    hasher.Update(parts.chunks);
    if (!SignatureValid(parts, hasher.Finish(), signer)) return SignatureProblem();
    return Status::DataLoss(raw.header.key_mode == BackupKeyMode::kPassphrase
                                ? "passphrase: wrong passphrase"
                                : "key: the instance secret does not open this backup");
  }
  ContentHash hash{};
  PB_RETURN_IF_ERROR(DecryptChunks(raw, file_key, parts.chunks, on_plaintext, hash));
  if (!SignatureValid(parts, hash, signer)) return SignatureProblem();
  return raw.header;
}

}  // namespace pillarbox::privacy
