#include "privacy/init.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace pillarbox::privacy {
namespace {

TEST(InitTest, SelfTestPasses) {
  Status status = InitializeAndSelfTest();
  EXPECT_TRUE(status.ok()) << status.ToString();
}

TEST(InitTest, SafeToCallRepeatedlyFromSeveralThreads) {
  std::vector<Status> results(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&results, i] { results[i] = InitializeAndSelfTest(); });
  }
  for (std::thread& thread : threads) thread.join();
  for (const Status& status : results) EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_TRUE(InitializeAndSelfTest().ok());
}

}  // namespace
}  // namespace pillarbox::privacy
