// ProofOfWork: an optional cost for API clients before a submission (or a
// receipt sign-in) is considered, so a script cannot send them as fast as
// the network allows. It identifies no one: a challenge is random bytes and
// an expiry, authenticated with a key that lives in this process only, so
// the server keeps nothing per challenge until one is spent; spent
// challenges are remembered until they expire (bounded), so each is good once.
//
// A solution is a nonce such that BLAKE2b-256(challenge || nonce) (the two
// strings as ASCII, concatenated) has at least `difficulty_bits` leading
// zero bits. Challenges die with the process (a restart issues new ones).
// Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>

#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"

namespace pillarbox::intake {

class ProofOfWork {
 public:
  struct Options {
    int difficulty_bits = 20;         // leading zero bits required, 1..kMaxDifficultyBits
    int64_t lifetime_seconds = 300;   // how long a challenge may be solved and spent
    size_t max_spent = 100000;        // spent challenges remembered at most
  };
  static constexpr int kMaxDifficultyBits = 32;
  // Longest nonce accepted, in characters ([0-9A-Za-z] only).
  static constexpr size_t kMaxNonceChars = 64;

  // A fresh challenge for a client.
  struct Challenge {
    std::string challenge;  // lowercase hex
    int difficulty_bits = 0;
    int64_t expires_in = 0;  // seconds
  };

  // `options.difficulty_bits` is clamped into 1..kMaxDifficultyBits. Draws the
  // per-process key from the CSPRNG. `clock` must outlive this object.
  ProofOfWork(const Clock& clock, Options options);

  // A new challenge; keeps no state for it.
  Challenge Issue() const;

  // Checks that `nonce` solves `challenge` and spends the challenge. Errors
  // (the caller names the field):
  // - InvalidArgument "malformed challenge" / "malformed nonce" /
  //   "challenge was not issued here" / "challenge expired; fetch a new one" /
  //   "not enough leading zero bits" / "challenge already used";
  // - ResourceExhausted when max_spent unexpired challenges are remembered.
  // A failed check never spends the challenge.
  Status Spend(std::string_view challenge, std::string_view nonce);

  int difficulty_bits() const { return options_.difficulty_bits; }
  int64_t lifetime_seconds() const { return options_.lifetime_seconds; }
  // Spent challenges remembered now (expired ones until the next Spend).
  size_t spent_count() const;

 private:
  // Authentication tag of the challenge's body (random bytes, expiry, difficulty).
  privacy::Bytes Tag(privacy::ByteView body) const;
  void ForgetExpired(int64_t now);  // requires mutex_

  const Clock& clock_;
  const Options options_;
  const privacy::SecretKey key_;
  mutable std::mutex mutex_;
  std::unordered_set<std::string> spent_;        // random parts of spent challenges
  std::multimap<int64_t, std::string> expiries_;  // expiry -> random part, to forget them
};

}  // namespace pillarbox::intake
