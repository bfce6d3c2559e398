// A partner organization's X25519 key file, made and read by the offline
// `pillarbox bundle` tools (never by the service, which only holds the
// public key an admin registered). The file is two lines: the label
// kOrganizationKeyLabel and 64 hex digits of the secret key; mode 0600.
// Thread-safe (no shared state).
#pragma once

#include <string>

#include "privacy/bytes.h"

namespace pillarbox::privacy {

inline constexpr char kOrganizationKeyLabel[] = "pillarbox-organization-secret-key-v1";

// Creates `path` holding a fresh key pair's secret half with mode 0600 and
// returns the public half. Conflict when `path` exists (never overwrites, does
// not follow a symlink); FailedPrecondition or Unavailable when the file
// cannot be created or written (then nothing is left behind).
Result<BoxPublicKey> CreateOrganizationKeyFile(const std::string& path);

// Reads the key pair from `path`. NotFound when it does not exist;
// FailedPrecondition when it is not a regular file or group or others may
// access it (the message says to chmod 600); DataLoss when the content is
// not the label line and 64 hex digits.
Result<BoxKeyPair> LoadOrganizationKeyFile(const std::string& path);

}  // namespace pillarbox::privacy
