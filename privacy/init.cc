// Start-up and known-answer self-tests (declared in privacy/init.h).
//
// The expected values were computed once and cross-checked against independent
// implementations: the XChaCha20-Poly1305 vector is the one of
// draft-irtf-cfrg-xchacha-03 appendix A.3.1; BLAKE2b, crypto_kdf (BLAKE2b with
// salt and personalization) and Argon2id were checked with Python's hashlib and
// OpenSSL's Argon2id.
#include "privacy/init.h"

#include <sodium.h>

#include <array>
#include <cstring>
#include <string>
#include <string_view>

#include "privacy/bytes.h"
#include "privacy/content_hash.h"
#include "privacy/envelope.h"
#include "privacy/internal.h"
#include "privacy/totp.h"
#include "privacy/padding.h"
#include "privacy/password_kdf.h"
#include "privacy/secret_stream.h"
#include "privacy/signing_key.h"

namespace pillarbox::privacy {
namespace {

constexpr std::string_view kAeadPlaintext =
    "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would "
    "be it.";
constexpr std::string_view kAeadExpected =
    "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c2"
    "16cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c6"
    "8b13b52ec0875924c1c7987947deafd8780acf49";
constexpr std::string_view kBlake2bMessage = "pillarbox self-test";
constexpr std::string_view kBlake2bExpected = "e080bd1c289a74d51fe0e297b2ce97060532445d0b2a08b719210da32518ed32";
constexpr std::string_view kKdfExpected = "df00bd282670984c4534017b91b9cfdede827ebc725a5787d01961c4e292a51a";
// RFC 8032 section 7.1, TEST 2; BLAKE2b-256("abc") from RFC 7693's reference code.
constexpr std::string_view kEd25519Seed = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
constexpr std::string_view kEd25519Signature =
    "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb0"
    "0d291612bb0c00";
constexpr std::string_view kBlake2b256Abc = "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319";
constexpr std::string_view kArgon2idPassword = "pillarbox";
constexpr std::string_view kArgon2idExpected = "49bf2d49aa5f58170a3b905c5f219addc57afdf49b1fb259c159e7b0f0ce1cba";

// Bytes first, first+1, ... (the test keys, nonces and salts).
template <size_t N>
std::array<uint8_t, N> Sequence(uint8_t first) {
  std::array<uint8_t, N> out{};
  for (size_t i = 0; i < N; ++i) out[i] = static_cast<uint8_t>(first + i);
  return out;
}

Status CheckXChaCha20Poly1305() {
  const auto key = Sequence<crypto_aead_xchacha20poly1305_ietf_KEYBYTES>(0x80);
  const auto nonce = Sequence<crypto_aead_xchacha20poly1305_ietf_NPUBBYTES>(0x40);
  const std::array<uint8_t, 12> ad = {0x50, 0x51, 0x52, 0x53, 0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7};
  ByteView plaintext = AsBytes(kAeadPlaintext);
  Bytes sealed(plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  unsigned long long sealed_size = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.data(), &sealed_size, plaintext.data(), plaintext.size(),
                                             ad.data(), ad.size(), nullptr, nonce.data(), key.data());
  Bytes opened(plaintext.size());
  sealed.back() ^= 1;
  bool tampered_opens = crypto_aead_xchacha20poly1305_ietf_decrypt(opened.data(), nullptr, nullptr, sealed.data(),
                                                                   sealed.size(), ad.data(), ad.size(), nonce.data(),
                                                                   key.data()) == 0;
  sealed.back() ^= 1;
  if (ToHex(sealed) != kAeadExpected || tampered_opens) return Status::Internal("self-test failed: XChaCha20-Poly1305");
  return Status::Ok();
}

Status CheckKeyedBlake2b() {
  const auto key = Sequence<32>(0);
  ByteView message = AsBytes(kBlake2bMessage);
  std::array<uint8_t, 32> digest{};
  crypto_generichash(digest.data(), digest.size(), message.data(), message.size(), key.data(), key.size());
  if (ToHex(digest) != kBlake2bExpected) return Status::Internal("self-test failed: keyed BLAKE2b");
  return Status::Ok();
}

Status CheckKdf() {
  const auto master = Sequence<crypto_kdf_KEYBYTES>(0);
  std::array<uint8_t, 32> subkey{};
  crypto_kdf_derive_from_key(subkey.data(), subkey.size(), 1, "pbxindex", master.data());
  if (ToHex(subkey) != kKdfExpected) return Status::Internal("self-test failed: crypto_kdf_derive_from_key");
  return Status::Ok();
}

Status CheckPadding() {
  std::array<uint8_t, 64> buffer{};
  size_t padded_size = 0;
  bool ok = sodium_pad(&padded_size, buffer.data(), 5, 64, buffer.size()) == 0 && padded_size == 64 &&
            buffer[5] == 0x80 && buffer[6] == 0 && buffer[63] == 0;
  size_t unpadded_size = 0;
  ok = ok && sodium_unpad(&unpadded_size, buffer.data(), padded_size, 64) == 0 && unpadded_size == 5;
  ok = ok && PaddedLength(0) == 64 && PaddedLength(64) == 256 && PaddedLength(70000) == 131072;
  if (!ok) return Status::Internal("self-test failed: sodium_pad");
  return Status::Ok();
}

Status CheckBoxSeal() {
  BoxKeyPair recipient = BoxKeyPair::Generate();
  BoxKeyPair other = BoxKeyPair::Generate();
  SecretKey key = SecretKey::Random();
  Bytes sealed = SealKeyTo(recipient.public_key, key);
  Result<SecretKey> opened = OpenSealedKey(recipient, sealed);
  bool ok = opened.ok() && ConstantTimeEquals(opened->bytes(), key.bytes()) && !OpenSealedKey(other, sealed).ok();
  if (!ok) return Status::Internal("self-test failed: crypto_box_seal");
  return Status::Ok();
}

Status CheckArgon2id() {
  const auto salt = Sequence<crypto_pwhash_SALTBYTES>(0);
  std::array<uint8_t, 32> derived{};
  if (crypto_pwhash(derived.data(), derived.size(), kArgon2idPassword.data(), kArgon2idPassword.size(), salt.data(),
                    crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2ID13) != 0 ||
      ToHex(derived) != kArgon2idExpected) {
    return Status::Internal("self-test failed: Argon2id");
  }
  return Status::Ok();
}

// RFC 6238 Appendix B, SHA1, T = 59 s: 94287082, of which a 6-digit code
// is the last six digits.
Status CheckTotp() {
  const Result<std::string> code = TotpCode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59);
  if (!code.ok() || *code != "287082") return Status::Internal("self-test failed: TOTP (liboath)");
  return Status::Ok();
}

Status CheckEd25519() {
  const Result<Bytes> seed = FromHex(kEd25519Seed);
  Result<SecretKey> key = seed.ok() ? SecretKey::FromBytes(*seed) : Result<SecretKey>(seed.status());
  if (!key.ok()) return Status::Internal("self-test failed: Ed25519");
  const SigningKey signer = SigningKey::FromSeed(*key);
  const Bytes message = {0x72};
  const Signature signature = signer.Sign(message);
  Signature altered = signature;
  altered[0] ^= 1;
  if (ToHex(signature) != kEd25519Signature || !VerifySignature(signer.public_key(), message, signature) ||
      VerifySignature(signer.public_key(), message, altered)) {
    return Status::Internal("self-test failed: Ed25519");
  }
  return Status::Ok();
}

Status CheckContentHashAndSecretStream() {
  if (ToHex(HashContent(AsBytes("abc"))) != kBlake2b256Abc) return Status::Internal("self-test failed: BLAKE2b-256");
  const SecretKey key = SecretKey::Random();
  SecretStreamWriter writer(key, "self-test");
  Bytes ciphertext;
  writer.Push(AsBytes("pillarbox"), true, ciphertext);
  Result<SecretStreamReader> reader = SecretStreamReader::Start(key, writer.header(), "self-test");
  Bytes plaintext;
  bool final = false;
  if (!reader.ok() || !reader->Pull(ciphertext, plaintext, final).ok() || !final ||
      std::string_view(reinterpret_cast<const char*>(plaintext.data()), plaintext.size()) != "pillarbox") {
    return Status::Internal("self-test failed: crypto_secretstream");
  }
  return Status::Ok();
}

Status RunSelfTests() {
  if (sodium_init() < 0) return Status::Internal("libsodium failed to initialize");
  PB_RETURN_IF_ERROR(CheckXChaCha20Poly1305());
  PB_RETURN_IF_ERROR(CheckKeyedBlake2b());
  PB_RETURN_IF_ERROR(CheckKdf());
  PB_RETURN_IF_ERROR(CheckPadding());
  PB_RETURN_IF_ERROR(CheckBoxSeal());
  PB_RETURN_IF_ERROR(CheckTotp());
  PB_RETURN_IF_ERROR(CheckEd25519());
  PB_RETURN_IF_ERROR(CheckContentHashAndSecretStream());
  return CheckArgon2id();
}

}  // namespace

Status InitializeAndSelfTest() {
  static const Status result = RunSelfTests();  // Runs once; concurrent callers wait for it.
  return result;
}

}  // namespace pillarbox::privacy
