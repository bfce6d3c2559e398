// `pillarbox instance signing-key`: prints the instance's Ed25519 signing
// public key, which partners pin when they verify bundles
// (`pillarbox bundle verify --signer`).
#pragma once

#include <string>

namespace pillarbox::app {

struct InstanceSigningKeyOptions {
  std::string data_dir;
  std::string secret_file;  // the instance secret when not <data_dir>/instance.key
};

// Reads the instance secret of `data_dir` (same permission checks as serve)
// and prints the signing public key as 64 hex digits and a newline on stdout.
// Returns 0, or 1 with one line on stderr.
int RunInstanceSigningKey(const InstanceSigningKeyOptions& options);

}  // namespace pillarbox::app
