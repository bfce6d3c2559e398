// Crash consistency (issue 9): clients submit reports through the JSON API
// and the HTML form while a reviewer edits, the server is killed with
// SIGKILL at a random moment, restarted and checked (crash_checks.h), again
// and again. PILLARBOX_CRASH_KILLS sets the number of kills (50 by default;
// tests/crash/run_long.sh runs thousands), PILLARBOX_CRASH_SEED repeats a
// campaign (the seed is printed first).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <map>
#include <random>
#include <thread>

#include "crash_api.h"
#include "crash_checks.h"
#include "crash_ledger.h"
#include "crash_load.h"
#include "staff_login.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

constexpr int64_t kTotpStep = 30;

uint64_t EnvNumber(const char* name, uint64_t fallback) {
  const char* text = std::getenv(name);
  return text == nullptr || *text == '\0' ? fallback : std::stoull(text);
}

// A staff account and the last TOTP step it used (each code works once).
struct StaffAccount {
  nlohmann::json credentials;
  int64_t last_step = 0;
};

// Signs in one of `accounts` whose next TOTP step the service still accepts
// (steps now-1 .. now+1); "" when every account has used those already.
std::string SignInAny(uint16_t port, std::vector<StaffAccount>& accounts) {
  const int64_t now = std::time(nullptr);
  const int64_t step = now / kTotpStep;
  for (StaffAccount& account : accounts) {
    int64_t next = std::max(account.last_step + 1, step - 1);
    if (next == step - 1 && now % kTotpStep >= 20) next = step;  // not to expire on the way
    if (next > step + 1) continue;
    account.last_step = next;
    return SignInStaff(port, account.credentials, next * kTotpStep + kTotpStep / 2 - now);
  }
  return "";
}

std::vector<std::string> Values(const nlohmann::json& list) {
  std::vector<std::string> values;
  for (const auto& item : list) values.push_back(item["value"]);
  return values;
}

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

TEST(CrashConsistencyTest, EveryAcknowledgedSubmissionAndEditSurvivesRepeatedKillNine) {
  const uint64_t seed = EnvNumber("PILLARBOX_CRASH_SEED", std::random_device{}());
  const int kills = static_cast<int>(EnvNumber("PILLARBOX_CRASH_KILLS", 50));
  // A reviewer session every `review_every` cycles: each costs an Argon2id
  // login, and each account signs in at most once per 30-second TOTP step.
  const int review_every = std::max(1, static_cast<int>(EnvNumber("PILLARBOX_CRASH_REVIEW_EVERY", 3)));
  const int reviewers =
      static_cast<int>(EnvNumber("PILLARBOX_CRASH_REVIEWERS", std::clamp(kills / (5 * review_every), 2, 16)));
  std::cout << "crash campaign: seed " << seed << " (PILLARBOX_CRASH_SEED repeats it), " << kills << " kills, "
            << reviewers << " reviewer accounts" << std::endl;
  std::mt19937_64 rng(seed);
  const auto started = std::chrono::steady_clock::now();

  ServiceProcess service;
  const std::vector<std::string> serve_args = {"--submissions-per-minute", "0", "--form-min-seconds", "0"};
  ASSERT_TRUE(service.Start(serve_args)) << service.ServerLog();
  LoadPlan plan;
  std::vector<StaffAccount> accounts = {{nlohmann::json::parse(service.init_output())["admin"]}};
  {
    HttpClient client(service.port());
    const nlohmann::json taxonomy = JsonOf(client.Get("/api/v1/taxonomy"));
    plan.pillars = Values(taxonomy["pillars"]);
    for (const std::string& kind : Values(taxonomy["kinds"])) {
      plan.questionnaires[kind] = JsonOf(client.Get("/api/v1/questionnaires/" + kind));
    }
  }
  {
    const std::string admin = SignInAny(service.port(), accounts);
    ASSERT_FALSE(admin.empty());
    HttpClient client(service.port());  // a fresh connection: idle ones are closed by the server
    const nlohmann::json desks = JsonOf(CallApi(client, admin, "GET", "/api/v1/desks"));
    for (const auto& desk : desks["desks"]) {
      plan.desks.push_back(desk["id"]);
    }
    ASSERT_FALSE(plan.desks.empty()) << desks.dump();
    // Each account costs two Argon2id hashes; on a loaded machine an answer
    // may outlast the client's 10-second timeout: then another name is tried.
    for (int attempt = 0; static_cast<int>(accounts.size()) <= reviewers && attempt < 2 * reviewers; ++attempt) {
      HttpClient fresh(service.port());
      const HttpResponse created =
          CallApi(fresh, admin, "POST", "/api/v1/users",
                  nlohmann::json{{"username", "crash-reviewer-" + std::to_string(attempt)}, {"role", "reviewer"},
                                 {"desks", plan.desks}});
      if (created.status == 0) continue;
      ASSERT_EQ(created.status, 201) << created.body;
      accounts.push_back({JsonOf(created)});
    }
    ASSERT_EQ(static_cast<int>(accounts.size()), reviewers + 1);
  }
  ASSERT_FALSE(plan.questionnaires.empty());
  ASSERT_FALSE(plan.pillars.empty());

  CrashLedger ledger;
  CrashChecker checker(service.data_dir(), plan.questionnaires, ledger);
  std::vector<double> restart_ms;
  int cycles_with_reviewer = 0;
  std::uniform_int_distribution<int> kill_after_ms(5, 150);
  std::map<std::string, double> phase_seconds;  // where the time goes
  auto lap = std::chrono::steady_clock::now();
  auto charge = [&phase_seconds, &lap](const char* phase) {
    const auto now = std::chrono::steady_clock::now();
    phase_seconds[phase] += std::chrono::duration<double>(now - lap).count();
    lap = now;
  };
  for (int kill = 0; kill < kills; ++kill) {
    charge("restart");
    const std::string token = kill % review_every == 0 ? SignInAny(service.port(), accounts) : "";
    if (!token.empty()) ++cycles_with_reviewer;
    charge("login");
    checker.CheckOnline(service.port(), token);
    charge("online checks");
    plan.port = service.port();
    plan.reviewer_token = token;
    plan.seed = rng();
    plan.canary_prefix = "k" + std::to_string(kill);
    {
      CrashLoad load(plan, ledger);
      std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms(rng)));
      service.Kill();
    }
    charge("load");
    ledger.MarkInFlightUnknown();
    checker.CheckOffline();
    charge("offline checks");
    const auto before = std::chrono::steady_clock::now();
    ASSERT_TRUE(service.Start(serve_args)) << "restart " << kill + 1 << " failed: " << service.ServerLog();
    restart_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before).count());
    const auto failures = ledger.Failures();
    ASSERT_TRUE(failures.empty()) << "after kill " << kill + 1 << " (seed " << seed << "): " << failures.front();
    if ((kill + 1) % 100 == 0) {
      std::cout << "  " << kill + 1 << " kills survived, " << ledger.CountIn(SubmissionState::kAcknowledged)
                << " acknowledged reports, " << ledger.acknowledged_edits() << " acknowledged edits" << std::endl;
    }
  }

  // The last look covers everything, with a reviewer session for sure.
  std::string token = SignInAny(service.port(), accounts);
  while (token.empty()) {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    token = SignInAny(service.port(), accounts);
  }
  checker.CoverEverything();
  checker.CheckOnline(service.port(), token);
  ASSERT_EQ(service.Stop(), 0);
  checker.CheckOffline();

  const CrashCounters& counts = checker.counters();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "crash campaign result: kills survived " << kills << ", acknowledged reports "
            << ledger.CountIn(SubmissionState::kAcknowledged) << " (receipts opened from the files "
            << counts.receipts_opened_offline << ", signed in through the API " << counts.receipts_signed_in
            << "), cut off by kills " << ledger.CountIn(SubmissionState::kUnknown) << " (stored whole "
            << counts.unacknowledged_stored << "), refused " << ledger.CountIn(SubmissionState::kRefused)
            << ", reports opened as reviewer " << counts.reports_opened << ", reviewer edits acknowledged "
            << ledger.acknowledged_edits() << " (objects read back " << counts.objects_compared
            << "; edits cut by kills applied " << counts.edits_cut_applied << ", absent " << counts.edits_cut_absent
            << "), cycles with a reviewer " << cycles_with_reviewer << ", median restart " << Median(restart_ms)
            << " ms, run time " << seconds << " s, failures " << ledger.Failures().size() << std::endl;
  std::cout << "crash campaign time by phase:";
  for (const auto& [phase, spent] : phase_seconds) std::cout << " " << phase << " " << spent << " s;";
  std::cout << std::endl;
  for (const std::string& failure : ledger.Failures()) ADD_FAILURE() << failure;
  EXPECT_GT(ledger.CountIn(SubmissionState::kAcknowledged), kills);
  EXPECT_GT(ledger.acknowledged_edits(), 0);
  EXPECT_EQ(counts.reports_opened, static_cast<int64_t>(ledger.Reports().size()));
}

}  // namespace
}  // namespace pillarbox::testing
