// Helpers shared by the privacy library's own .cc files; not part of its
// interface and not to be included from outside privacy/. Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "privacy/bytes.h"

namespace pillarbox::privacy::internal {

// A stack buffer the size of a key; wipe it with Wipe() when done.
using KeyBuffer = std::array<uint8_t, kKeyBytes>;

// Runs sodium_init() once per process (idempotent, thread-safe). Ends the
// process when libsodium cannot initialize, since nothing here is safe then.
void EnsureSodiumInitialized();

// Overwrites `buffer` with zeros in a way the compiler does not elide.
void Wipe(std::span<uint8_t> buffer);

// Copies `buffer` into a new SecretKey and wipes `buffer`.
SecretKey TakeKey(KeyBuffer& buffer);

// The key's bytes; ends the process when `key` is empty (moved from), which is
// a programming error that must not turn into encryption under a null key.
const uint8_t* KeyData(const SecretKey& key);

}  // namespace pillarbox::privacy::internal
