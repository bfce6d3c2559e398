// A proof-of-work client, as an API client would write one
// (intake/proof_of_work.h): fetch GET /api/v1/pow, find a nonce.
#pragma once

#include <string>

#include "support/http_client.h"

namespace pillarbox::testing {

// True when BLAKE2b-256(challenge || nonce) has at least `bits` leading zero bits.
bool Solves(const std::string& challenge, const std::string& nonce, int bits);

// The first decimal nonce such that BLAKE2b-256(challenge || nonce) has at
// least `bits` leading zero bits.
std::string SolveChallenge(const std::string& challenge, int bits);

// Fetches a challenge with `client` and returns the X-Pillarbox-Pow header
// value "<challenge>:<nonce>" solving it; "" when GET /api/v1/pow fails.
std::string FetchAndSolve(HttpClient& client);

}  // namespace pillarbox::testing
