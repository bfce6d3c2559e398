// Streaming authenticated encryption of one long message in pieces
// (crypto_secretstream_xchacha20poly1305) with associated data bound to every
// piece, for files that must never be held whole in memory (evidence
// bundles, bundles/bundle_format.h). Unlike privacy/file_stream.h it pads
// nothing, takes the pieces one at a time and binds a caller-chosen context
// (e.g. "bundle id | part number") to each piece, so a stream moved to
// another place fails to open. Each ciphertext piece is its plaintext plus
// kSecretStreamOverhead bytes; the last piece is tagged FINAL.
// Both classes are move-only and thread-compatible (one stream, one thread).
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "privacy/bytes.h"

namespace pillarbox::privacy {

inline constexpr size_t kSecretStreamHeaderBytes = 24;  // crypto_secretstream_xchacha20poly1305_HEADERBYTES
inline constexpr size_t kSecretStreamOverhead = 17;     // crypto_secretstream_xchacha20poly1305_ABYTES

using SecretStreamHeader = std::array<uint8_t, kSecretStreamHeaderBytes>;

// Encrypts the pieces of one stream under `key` with a fresh random header.
class SecretStreamWriter {
 public:
  // Starts a stream; `context` is the associated data of every piece.
  SecretStreamWriter(const SecretKey& key, std::string context);
  SecretStreamWriter(SecretStreamWriter&&) noexcept;
  SecretStreamWriter& operator=(SecretStreamWriter&&) noexcept;
  ~SecretStreamWriter();  // wipes the stream state

  // The header to store before the first piece.
  const SecretStreamHeader& header() const { return header_; }
  // Encrypts the next piece into `ciphertext` (resized to plaintext + overhead).
  // `final` marks the last piece; nothing may be pushed after it (ends the
  // process: a programming error).
  void Push(ByteView plaintext, bool final, Bytes& ciphertext);

 private:
  struct State;
  std::unique_ptr<State> state_;
  SecretStreamHeader header_{};
  std::string context_;
};

// Decrypts the pieces of one stream written by SecretStreamWriter.
class SecretStreamReader {
 public:
  // DataLoss when `header` is not a header of this key (it never is
  // detectably wrong before the first piece; then the first Pull fails).
  static Result<SecretStreamReader> Start(const SecretKey& key, ByteView header, std::string context);
  SecretStreamReader(SecretStreamReader&&) noexcept;
  SecretStreamReader& operator=(SecretStreamReader&&) noexcept;
  ~SecretStreamReader();  // wipes the stream state

  // Decrypts the next piece into `plaintext` (resized to its length) and sets
  // `final` from its tag. DataLoss, leaving `plaintext` empty, when the piece,
  // the key, the header, the context or the order differ, or a piece follows
  // the FINAL one.
  Status Pull(ByteView ciphertext, Bytes& plaintext, bool& final);

 private:
  SecretStreamReader();
  struct State;
  std::unique_ptr<State> state_;
  std::string context_;
  bool finished_ = false;
};

}  // namespace pillarbox::privacy
