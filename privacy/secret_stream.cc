// Streaming authenticated encryption (declared in privacy/secret_stream.h).
#include "privacy/secret_stream.h"

#include <sodium.h>

#include <cstdlib>

#include "privacy/internal.h"

namespace pillarbox::privacy {

static_assert(kSecretStreamHeaderBytes == crypto_secretstream_xchacha20poly1305_HEADERBYTES);
static_assert(kSecretStreamOverhead == crypto_secretstream_xchacha20poly1305_ABYTES);
static_assert(kKeyBytes == crypto_secretstream_xchacha20poly1305_KEYBYTES);

struct SecretStreamWriter::State {
  crypto_secretstream_xchacha20poly1305_state sodium{};
  bool finished = false;
  ~State() { sodium_memzero(&sodium, sizeof sodium); }
};

struct SecretStreamReader::State {
  crypto_secretstream_xchacha20poly1305_state sodium{};
  ~State() { sodium_memzero(&sodium, sizeof sodium); }
};

SecretStreamWriter::SecretStreamWriter(const SecretKey& key, std::string context)
    : state_(std::make_unique<State>()), context_(std::move(context)) {
  internal::EnsureSodiumInitialized();
  crypto_secretstream_xchacha20poly1305_init_push(&state_->sodium, header_.data(), internal::KeyData(key));
}

SecretStreamWriter::SecretStreamWriter(SecretStreamWriter&&) noexcept = default;
SecretStreamWriter& SecretStreamWriter::operator=(SecretStreamWriter&&) noexcept = default;
SecretStreamWriter::~SecretStreamWriter() = default;

void SecretStreamWriter::Push(ByteView plaintext, bool final, Bytes& ciphertext) {
  if (state_ == nullptr || state_->finished) std::abort();
  ciphertext.resize(plaintext.size() + kSecretStreamOverhead);
  const uint8_t tag =
      final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
  const auto* context = reinterpret_cast<const uint8_t*>(context_.data());
  if (crypto_secretstream_xchacha20poly1305_push(&state_->sodium, ciphertext.data(), nullptr, plaintext.data(),
                                                 plaintext.size(), context, context_.size(), tag) != 0) {
    std::abort();
  }
  state_->finished = final;
}

SecretStreamReader::SecretStreamReader() : state_(std::make_unique<State>()) {}
SecretStreamReader::SecretStreamReader(SecretStreamReader&&) noexcept = default;
SecretStreamReader& SecretStreamReader::operator=(SecretStreamReader&&) noexcept = default;
SecretStreamReader::~SecretStreamReader() = default;

Result<SecretStreamReader> SecretStreamReader::Start(const SecretKey& key, ByteView header, std::string context) {
  internal::EnsureSodiumInitialized();
  SecretStreamReader reader;
  reader.context_ = std::move(context);
  if (header.size() != kSecretStreamHeaderBytes ||
      crypto_secretstream_xchacha20poly1305_init_pull(&reader.state_->sodium, header.data(), internal::KeyData(key)) !=
          0) {
    return Status::DataLoss("stream header failed authentication");
  }
  return reader;
}

Status SecretStreamReader::Pull(ByteView ciphertext, Bytes& plaintext, bool& final) {
  plaintext.clear();
  final = false;
  if (finished_ || ciphertext.size() < kSecretStreamOverhead) {
    return Status::DataLoss("stream piece failed authentication");
  }
  plaintext.resize(ciphertext.size() - kSecretStreamOverhead);
  unsigned long long length = 0;
  uint8_t tag = 0;
  const auto* context = reinterpret_cast<const uint8_t*>(context_.data());
  if (crypto_secretstream_xchacha20poly1305_pull(&state_->sodium, plaintext.data(), &length, &tag, ciphertext.data(),
                                                 ciphertext.size(), context, context_.size()) != 0) {
    plaintext.clear();
    return Status::DataLoss("stream piece failed authentication");
  }
  plaintext.resize(length);
  final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
  finished_ = final;
  return Status::Ok();
}

}  // namespace pillarbox::privacy
