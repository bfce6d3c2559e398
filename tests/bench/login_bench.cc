// Login benchmark: N clients (default 100) each start one login at the same
// moment against a running server and, when refused with 503, wait the
// Retry-After seconds and try again, as a well-behaved client would. Each
// login uses a distinct unknown username, so every accepted attempt costs one
// MODERATE Argon2id run (the dummy run for unknown names costs the same as a
// real login's). Prints completion-time percentiles, logins per second over
// the whole run, how many 503s were answered, and other statuses.
//
// Usage: pillarbox_bench_login PORT [CLIENTS]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "support/http_client.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: pillarbox_bench_login PORT [CLIENTS]\n");
    return 2;
  }
  const auto port = static_cast<uint16_t>(std::atoi(argv[1]));
  const int clients = argc > 2 ? std::atoi(argv[2]) : 100;
  std::mutex mutex;
  std::vector<double> seconds;
  std::map<int, int> statuses;
  std::atomic<int> refusals{0};
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i) {
    threads.emplace_back([&, i] {
      pillarbox::testing::HttpClient client(port);
      const std::string body = "{\"username\":\"bench-user-" + std::to_string(i) +
                               "\",\"password\":\"a wrong password here\",\"totp\":\"000000\"}";
      for (;;) {
        const auto response = client.PostJson("/api/v1/auth/login", body);
        if (response.status == 503) {
          ++refusals;
          const int wait = std::max(1, std::atoi(response.Header("retry-after").c_str()));
          std::this_thread::sleep_for(std::chrono::seconds(wait));
          continue;
        }
        std::lock_guard<std::mutex> lock(mutex);
        ++statuses[response.status];
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        return;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::sort(seconds.begin(), seconds.end());
  auto percentile = [&](double p) { return seconds[std::min(seconds.size() - 1, static_cast<size_t>(p * seconds.size()))]; };
  std::printf("BENCH clients=%d total_s=%.2f logins_per_s=%.2f p50_s=%.2f p90_s=%.2f p99_s=%.2f refusals_503=%d",
              clients, total, clients / total, percentile(0.5), percentile(0.9), percentile(0.99), refusals.load());
  for (const auto& [status, count] : statuses) std::printf(" status_%d=%d", status, count);
  std::printf("\n");
  return statuses.count(401) == 1 && statuses[401] == clients ? 0 : 1;
}
