// Start-up of the privacy library.
#pragma once

#include "common/status.h"

namespace pillarbox::privacy {

// Initializes libsodium and runs known-answer self-tests of every primitive the
// library uses (XChaCha20-Poly1305, keyed BLAKE2b, crypto_kdf, crypto_box_seal
// round trip, Argon2id, sodium_pad, Ed25519, BLAKE2b-256,
// crypto_secretstream round trip) against fixed vectors. Returns Internal
// naming the primitive that failed; the service must refuse to start then.
// Safe to call more than once and from several threads.
Status InitializeAndSelfTest();

}  // namespace pillarbox::privacy
