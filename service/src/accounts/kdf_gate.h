// KdfGate: bounds how many Argon2id runs (256 MiB each) happen at once and how
// many logins may wait for one, so memory stays bounded under a login flood:
// at most max_running x 256 MiB. Callers beyond max_running + max_waiting are
// refused at once (the HTTP layer answers 503 + Retry-After). Thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>

#include "common/status.h"

namespace pillarbox::accounts {

class KdfGate {
 public:
  KdfGate(size_t max_running, size_t max_waiting);

  // Holds one running slot for its lifetime. Move-only.
  class Ticket {
   public:
    Ticket(Ticket&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;
    Ticket& operator=(Ticket&&) = delete;
    ~Ticket();

   private:
    friend class KdfGate;
    explicit Ticket(KdfGate* gate) : gate_(gate) {}
    KdfGate* gate_;
  };

  // Blocks until a slot is free and returns it; ResourceExhausted at once when
  // max_waiting callers are already waiting.
  Result<Ticket> Enter();

  // Largest number of simultaneous holders seen so far (for tests and metrics).
  size_t peak_running() const;

 private:
  void Leave();

  const size_t max_running_;
  const size_t max_waiting_;
  mutable std::mutex mutex_;
  std::condition_variable slot_free_;
  size_t running_ = 0;
  size_t waiting_ = 0;
  size_t peak_running_ = 0;
};

}  // namespace pillarbox::accounts
