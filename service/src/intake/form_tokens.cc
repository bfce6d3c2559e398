#include "intake/form_tokens.h"

#include "privacy/bytes.h"

namespace pillarbox::intake {
namespace {

constexpr size_t kTokenBytes = 16;

Status Refused(std::string message) { return Status::InvalidArgument(std::move(message), "form_token"); }

}  // namespace

FormTokens::FormTokens(const Clock& clock, Options options) : clock_(clock), options_(options) {}

std::string FormTokens::Issue(std::string_view purpose) {
  std::string token = privacy::ToHex(privacy::RandomBytes(kTokenBytes));
  const int64_t now = clock_.NowUnixSeconds();
  std::lock_guard<std::mutex> lock(mutex_);
  DropExpiredLocked(now);
  while (by_token_.size() >= options_.max_tokens && !by_age_.empty()) {
    EraseLocked(by_token_.find(by_age_.begin()->second));
  }
  const uint64_t sequence = next_sequence_++;
  by_token_.emplace(token, Issued{std::string(purpose), now, sequence});
  by_age_.emplace(sequence, token);
  return token;
}

Status FormTokens::Redeem(std::string_view token, std::string_view purpose, Pace pace) {
  const int64_t now = clock_.NowUnixSeconds();
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = by_token_.find(std::string(token));
  if (it == by_token_.end()) return Refused("form expired or already used");
  const Issued issued = it->second;
  EraseLocked(it);
  if (issued.purpose != purpose || now - issued.issued_at > options_.max_age_seconds) {
    return Refused("form expired or already used");
  }
  if (pace == Pace::kFilledIn && now - issued.issued_at < options_.min_age_seconds) return Refused("form sent too quickly");
  return Status::Ok();
}

size_t FormTokens::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return by_token_.size();
}

void FormTokens::DropExpiredLocked(int64_t now) {
  while (!by_age_.empty()) {
    const auto it = by_token_.find(by_age_.begin()->second);
    if (now - it->second.issued_at <= options_.max_age_seconds) break;
    EraseLocked(it);
  }
}

void FormTokens::EraseLocked(std::unordered_map<std::string, Issued>::iterator it) {
  by_age_.erase(it->second.sequence);
  by_token_.erase(it);
}

}  // namespace pillarbox::intake
