#include "accounts/kdf_gate.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace pillarbox::accounts {
namespace {

TEST(KdfGateTest, AtMostMaxRunningHoldTicketsAtOnce) {
  KdfGate gate(2, 100);
  std::atomic<int> inside{0};
  std::atomic<int> worst{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&] {
      auto ticket = gate.Enter();
      ASSERT_TRUE(ticket.ok());
      const int now = ++inside;
      int seen = worst.load();
      while (now > seen && !worst.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      --inside;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(worst.load(), 2);
  EXPECT_EQ(gate.peak_running(), 2u);
}

TEST(KdfGateTest, CallersBeyondTheWaitingRoomAreRefusedAtOnce) {
  KdfGate gate(1, 1);
  auto held = gate.Enter();
  ASSERT_TRUE(held.ok());
  std::thread waiter([&] { EXPECT_TRUE(gate.Enter().ok()); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // let the waiter queue up
  EXPECT_EQ(gate.Enter().status().code(), StatusCode::kResourceExhausted);
  { auto release = std::move(*held); }
  waiter.join();
}

}  // namespace
}  // namespace pillarbox::accounts
