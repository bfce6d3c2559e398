#include "common/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>

namespace pillarbox {
namespace {

TEST(WorkerPoolTest, RunsEveryPostedTaskBeforeStopReturns) {
  std::atomic<int> done{0};
  WorkerPool pool(2, 1000);
  for (int i = 0; i < 500; ++i) ASSERT_TRUE(pool.Post([&] { ++done; }).ok());
  pool.Stop();
  EXPECT_EQ(done.load(), 500);
  EXPECT_EQ(pool.Post([] {}).code(), StatusCode::kUnavailable);
}

TEST(WorkerPoolTest, AFullQueueRefusesAtOnce) {
  WorkerPool pool(1, 2);
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::promise<void> started;
  ASSERT_TRUE(pool.Post([&, gate] {
                    started.set_value();
                    gate.wait();
                  }).ok());
  started.get_future().wait();  // the worker is busy; the queue is empty
  EXPECT_TRUE(pool.Post([] {}).ok());
  EXPECT_TRUE(pool.Post([] {}).ok());
  EXPECT_EQ(pool.Post([] {}).code(), StatusCode::kResourceExhausted);
  release.set_value();
}

}  // namespace
}  // namespace pillarbox
