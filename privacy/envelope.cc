// Envelope encryption of fields and keys (declared in privacy/envelope.h).
#include "privacy/envelope.h"

#include <sodium.h>

#include <string>

#include "privacy/internal.h"
#include "privacy/padding.h"

namespace pillarbox::privacy {
namespace {

constexpr uint8_t kFormatV1 = 0x01;
constexpr size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr size_t kHeaderBytes = 1 + kNonceBytes;
constexpr std::string_view kWrapAssociatedDataPrefix = "pillarbox/v1|wrap|";

// format byte || random nonce || XChaCha20-Poly1305(plaintext, associated_data).
Bytes AeadSeal(const SecretKey& key, std::string_view associated_data, ByteView plaintext) {
  Bytes sealed(kHeaderBytes + plaintext.size() + kTagBytes);
  sealed[0] = kFormatV1;
  randombytes_buf(sealed.data() + 1, kNonceBytes);
  ByteView ad = AsBytes(associated_data);
  unsigned long long ciphertext_size = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.data() + kHeaderBytes, &ciphertext_size, plaintext.data(),
                                             plaintext.size(), ad.data(), ad.size(), nullptr, sealed.data() + 1,
                                             internal::KeyData(key));
  return sealed;
}

// Inverse of AeadSeal; DataLoss on any mismatch, with nothing decrypted returned.
Result<Bytes> AeadOpen(const SecretKey& key, std::string_view associated_data, ByteView sealed) {
  if (sealed.size() < kHeaderBytes + kTagBytes) return Status::DataLoss("sealed value is truncated");
  if (sealed[0] != kFormatV1) return Status::DataLoss("sealed value has an unknown format");
  Bytes plaintext(sealed.size() - kHeaderBytes - kTagBytes);
  ByteView ad = AsBytes(associated_data);
  unsigned long long plaintext_size = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(plaintext.data(), &plaintext_size, nullptr,
                                                 sealed.data() + kHeaderBytes, sealed.size() - kHeaderBytes,
                                                 ad.data(), ad.size(), sealed.data() + 1,
                                                 internal::KeyData(key)) != 0) {
    return Status::DataLoss("sealed value failed authentication");
  }
  return plaintext;
}

std::string WrapAssociatedData(std::string_view purpose) {
  return std::string(kWrapAssociatedDataPrefix) + std::string(purpose);
}

}  // namespace

std::string AssociatedData(const FieldContext& context) {
  std::string ad = "pillarbox/v1|";
  ad.append(context.table).append("|").append(context.record_id).append("|").append(context.field);
  ad.append("|").append(std::to_string(context.key_version));
  return ad;
}

Bytes SealField(const SecretKey& key, const FieldContext& context, std::string_view plaintext) {
  Bytes padded = Pad(AsBytes(plaintext));
  Bytes sealed = AeadSeal(key, AssociatedData(context), padded);
  internal::Wipe(padded);
  return sealed;
}

Result<std::string> OpenField(const SecretKey& key, const FieldContext& context, ByteView sealed) {
  PB_ASSIGN_OR_RETURN(Bytes padded, AeadOpen(key, AssociatedData(context), sealed));
  Result<Bytes> plaintext = Unpad(padded);
  internal::Wipe(padded);
  if (!plaintext.ok()) return Status::DataLoss("sealed field has malformed padding");
  std::string text(plaintext->begin(), plaintext->end());
  internal::Wipe(*plaintext);
  return text;
}

Bytes SealKeyTo(const BoxPublicKey& recipient, const SecretKey& key) {
  Bytes sealed(crypto_box_SEALBYTES + kKeyBytes);
  crypto_box_seal(sealed.data(), internal::KeyData(key), kKeyBytes, recipient.bytes.data());
  return sealed;
}

Result<SecretKey> OpenSealedKey(const BoxKeyPair& recipient, ByteView sealed) {
  if (sealed.size() != crypto_box_SEALBYTES + kKeyBytes) return Status::DataLoss("sealed key has a wrong length");
  internal::KeyBuffer buffer;
  if (crypto_box_seal_open(buffer.data(), sealed.data(), sealed.size(), recipient.public_key.bytes.data(),
                           internal::KeyData(recipient.secret_key)) != 0) {
    internal::Wipe(buffer);
    return Status::DataLoss("sealed key failed authentication");
  }
  return internal::TakeKey(buffer);
}

Bytes WrapKey(const SecretKey& wrapping_key, std::string_view purpose, const SecretKey& key) {
  return AeadSeal(wrapping_key, WrapAssociatedData(purpose), ByteView(internal::KeyData(key), kKeyBytes));
}

Result<SecretKey> UnwrapKey(const SecretKey& wrapping_key, std::string_view purpose, ByteView wrapped) {
  PB_ASSIGN_OR_RETURN(Bytes key_bytes, AeadOpen(wrapping_key, WrapAssociatedData(purpose), wrapped));
  Result<SecretKey> key = SecretKey::FromBytes(key_bytes);
  internal::Wipe(key_bytes);
  if (!key.ok()) return Status::DataLoss("wrapped key has a wrong length");
  return key;
}

}  // namespace pillarbox::privacy
