// Stateless proof-of-work challenges (declared in intake/proof_of_work.h).
#include "intake/proof_of_work.h"

#include <algorithm>

#include "privacy/keyed_hash.h"
#include "privacy/work_hash.h"

namespace pillarbox::intake {
namespace {

// A challenge: [random 16][expiry 8, big-endian][difficulty 1][tag 16], as hex.
constexpr size_t kRandomBytes = 16;
constexpr size_t kExpiryBytes = 8;
constexpr size_t kBodyBytes = kRandomBytes + kExpiryBytes + 1;
constexpr size_t kTagBytes = 16;
constexpr size_t kChallengeBytes = kBodyBytes + kTagBytes;

ProofOfWork::Options Clamped(ProofOfWork::Options options) {
  options.difficulty_bits = std::clamp(options.difficulty_bits, 1, ProofOfWork::kMaxDifficultyBits);
  options.lifetime_seconds = std::max<int64_t>(options.lifetime_seconds, 1);
  options.max_spent = std::max<size_t>(options.max_spent, 1);
  return options;
}

bool IsNonceChar(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

ProofOfWork::ProofOfWork(const Clock& clock, Options options)
    : clock_(clock), options_(Clamped(options)), key_(privacy::SecretKey::Random()) {}

privacy::Bytes ProofOfWork::Tag(privacy::ByteView body) const {
  privacy::Bytes tag = privacy::KeyedBlake2b256(key_, body);
  tag.resize(kTagBytes);
  return tag;
}

ProofOfWork::Challenge ProofOfWork::Issue() const {
  privacy::Bytes bytes = privacy::RandomBytes(kRandomBytes);
  const uint64_t expiry = static_cast<uint64_t>(clock_.NowUnixSeconds() + options_.lifetime_seconds);
  for (int shift = 56; shift >= 0; shift -= 8) bytes.push_back(static_cast<uint8_t>(expiry >> shift));
  bytes.push_back(static_cast<uint8_t>(options_.difficulty_bits));
  const privacy::Bytes tag = Tag(bytes);
  bytes.insert(bytes.end(), tag.begin(), tag.end());
  return {privacy::ToHex(bytes), options_.difficulty_bits, options_.lifetime_seconds};
}

Status ProofOfWork::Spend(std::string_view challenge, std::string_view nonce) {
  if (challenge.size() != 2 * kChallengeBytes) return Status::InvalidArgument("malformed challenge");
  auto bytes = privacy::FromHex(challenge);
  if (!bytes.ok()) return Status::InvalidArgument("malformed challenge");
  if (nonce.empty() || nonce.size() > kMaxNonceChars || !std::all_of(nonce.begin(), nonce.end(), IsNonceChar)) {
    return Status::InvalidArgument("malformed nonce");
  }
  const privacy::ByteView body(bytes->data(), kBodyBytes);
  const privacy::ByteView tag(bytes->data() + kBodyBytes, kTagBytes);
  if (!privacy::DigestsEqual(Tag(body), tag)) return Status::InvalidArgument("challenge was not issued here");
  uint64_t expiry = 0;
  for (size_t i = 0; i < kExpiryBytes; ++i) expiry = (expiry << 8) | (*bytes)[kRandomBytes + i];
  const int64_t now = clock_.NowUnixSeconds();
  if (static_cast<int64_t>(expiry) < now) return Status::InvalidArgument("challenge expired; fetch a new one");
  const int required = (*bytes)[kBodyBytes - 1];
  if (privacy::LeadingZeroBits(privacy::Blake2b256(privacy::AsBytes(challenge), privacy::AsBytes(nonce))) < required) {
    return Status::InvalidArgument("not enough leading zero bits");
  }

  std::string random_part(reinterpret_cast<const char*>(bytes->data()), kRandomBytes);
  std::lock_guard<std::mutex> lock(mutex_);
  ForgetExpired(now);
  if (spent_.count(random_part) != 0) return Status::InvalidArgument("challenge already used");
  if (spent_.size() >= options_.max_spent) {
    return Status::ResourceExhausted("too many proofs of work right now; try again shortly");
  }
  spent_.insert(random_part);
  expiries_.emplace(static_cast<int64_t>(expiry), std::move(random_part));
  return Status::Ok();
}

void ProofOfWork::ForgetExpired(int64_t now) {
  while (!expiries_.empty() && expiries_.begin()->first < now) {
    spent_.erase(expiries_.begin()->second);
    expiries_.erase(expiries_.begin());
  }
}

size_t ProofOfWork::spent_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return spent_.size();
}

}  // namespace pillarbox::intake
