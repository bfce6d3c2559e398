// `pillarbox bundle keygen|verify|open`: the offline tools of a partner
// organization (docs/ARCHITECTURE.md "Evidence bundles"). They need no instance and no
// network: only the organization's key file and a bundle file.
#pragma once

#include <optional>
#include <string>

namespace pillarbox::app {

struct BundleKeygenOptions {
  std::string out;  // the key file to create
};

// Creates the organization's X25519 key file at `out` (mode 0600, never
// overwriting) and prints its public key as 64 hex digits and a newline on
// stdout, to be registered by the instance's admin. Returns 0, or 1 with one
// line on stderr (file exists, cannot be created).
int RunBundleKeygen(const BundleKeygenOptions& options);

struct BundleVerifyOptions {
  std::string file;
  std::string key;     // the organization key file
  std::string signer;  // optional: the instance signing key to pin, 64 hex digits
  bool json_output = false;
};

// Checks the bundle with the organization key: header, bundle key, signature
// (by --signer when given, else by the key the bundle names) and every entry.
// Prints the signer, bundle id, organization, day and each entry's size,
// BLAKE2b and path on stdout (or one JSON object with --json: intact, signer,
// signer_pinned, bundle_id, organization_id, created_day, entries, problems).
// Returns 0 when intact ("bundle intact" last on stdout); 1 when altered, with
// one "bundle ALTERED: <part>: <what>" line per problem on stderr, or when it
// cannot be checked (not a bundle, unreadable or loose key file), with one line.
int RunBundleVerify(const BundleVerifyOptions& options);

struct BundleOpenOptions {
  std::string file;
  std::string key;
  std::string signer;
  std::string out;  // folder to write the entries under (created with mode 0700 when missing)
};

// Verifies the bundle exactly like RunBundleVerify; only when it is intact
// writes each entry to <out>/<path> (parents created, mode 0600, never
// overwriting a file or following a symbolic link, so nothing lands outside
// <out>). Returns 0 with "wrote N entries to <out>" on stdout, or 1 with the
// problems (nothing written when the bundle is altered) on stderr.
int RunBundleOpen(const BundleOpenOptions& options);

}  // namespace pillarbox::app
