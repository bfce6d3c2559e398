// The instance secret file's content: the master key in use with its
// version, and what a master key rotation keeps of older ones. A fresh
// instance's file is one line of 64 hex digits (version 1, nothing else);
// a rotated one is a small text keyring:
//
//   pillarbox-keyring 1
//   master 2 <64 hex digits>      the master key in use (exactly one)
//   retiring 1 <64 hex digits>    the previous master while a rotation is
//                                 unfinished (at most one, older than master)
//   pepper 1 <64 hex digits>      the receipt pepper of a retired master
//                                 (receipts handed out under it still work)
//
// After a rotation only the retired master's receipt pepper is kept: its
// blind-index, audit and signing keys are gone with it. Receipts cannot be
// re-derived (they are never stored), so their pepper must outlive the
// master that made it. Move-only; thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "privacy/bytes.h"

namespace pillarbox::privacy {

// A master key and its version (1, 2, ...).
struct VersionedKey {
  uint32_t version = 0;
  SecretKey key;
};

class InstanceKeyring {
 public:
  // A version-1 keyring with a fresh master key from the CSPRNG.
  static InstanceKeyring Fresh();
  // A version-1 keyring holding `master` (e.g. for tests and Derive).
  static InstanceKeyring OfMaster(SecretKey master);

  // Creates `path` with this keyring (mode 0600), refusing to overwrite
  // (Conflict if it exists); the file and its folder are fsynced.
  Status Create(const std::string& path) const;
  // Replaces `path` atomically: a temporary file beside it (0600), fsync,
  // rename over `path`, fsync of the folder. A crash leaves either the old or
  // the new content. Unavailable on an I/O error.
  Status Replace(const std::string& path) const;
  // Reads `path`. FailedPrecondition when the file is readable or writable by
  // group or others or is not a regular file; NotFound when it does not exist;
  // DataLoss (with the line) when the content is malformed. Error messages
  // never contain key material.
  static Result<InstanceKeyring> Read(const std::string& path);

  // The keyring that starts a rotation: a fresh master at version + 1, the
  // current one retiring. FailedPrecondition when a rotation is unfinished.
  Result<InstanceKeyring> BeginRotation() const;
  // The keyring that ends it: the retiring master is dropped and only its
  // receipt pepper kept. FailedPrecondition when no rotation is under way.
  Result<InstanceKeyring> FinishRotation() const;

  const VersionedKey& master() const { return master_; }
  // The previous master while a rotation is unfinished.
  const std::optional<VersionedKey>& retiring() const { return retiring_; }
  // Receipt peppers of retired masters, newest first.
  const std::vector<VersionedKey>& retired_peppers() const { return peppers_; }

  // The file content (legacy one-line form for a plain version-1 keyring).
  // Holds key material: the caller wipes it.
  std::string Format() const;
  // Parses Format()'s output (or the legacy line). DataLoss when malformed.
  static Result<InstanceKeyring> Parse(std::string_view content);

 private:
  // Writes Format() to `path`, which must not exist (Conflict), mode 0600,
  // fsynced; removes it again on any error.
  Status WriteNewFile(const std::string& path) const;

  InstanceKeyring(VersionedKey master, std::optional<VersionedKey> retiring, std::vector<VersionedKey> peppers)
      : master_(std::move(master)), retiring_(std::move(retiring)), peppers_(std::move(peppers)) {}
  VersionedKey master_;
  std::optional<VersionedKey> retiring_;
  std::vector<VersionedKey> peppers_;
};

}  // namespace pillarbox::privacy
