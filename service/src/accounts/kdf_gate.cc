#include "accounts/kdf_gate.h"

#include <algorithm>

namespace pillarbox::accounts {

KdfGate::KdfGate(size_t max_running, size_t max_waiting)
    : max_running_(std::max<size_t>(max_running, 1)), max_waiting_(max_waiting) {}

KdfGate::Ticket::~Ticket() {
  if (gate_ != nullptr) gate_->Leave();
}

Result<KdfGate::Ticket> KdfGate::Enter() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (running_ >= max_running_) {
    if (waiting_ >= max_waiting_) return Status::ResourceExhausted("too many logins at once");
    ++waiting_;
    slot_free_.wait(lock, [this] { return running_ < max_running_; });
    --waiting_;
  }
  ++running_;
  peak_running_ = std::max(peak_running_, running_);
  return Ticket(this);
}

void KdfGate::Leave() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    --running_;
  }
  slot_free_.notify_one();
}

size_t KdfGate::peak_running() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return peak_running_;
}

}  // namespace pillarbox::accounts
