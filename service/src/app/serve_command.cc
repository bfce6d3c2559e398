#include "app/serve_command.h"

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <thread>

#include <spdlog/spdlog.h>

#include "app/data_folder_lock.h"
#include "app/instance.h"
#include "app/route_documents.h"
#include "common/clock.h"
#include "common/logging.h"
#include "http/server.h"
#include "intake/intake_service.h"
#include "media/library_evidence_cleaner.h"
#include "app/bundle_services.h"
#include "app/evidence_services.h"
#include "app/reporter_services.h"
#include "app/reporter_page_services.h"
#include "intake/proof_of_work.h"
#include "intake/submission_quota.h"
#include "app/retention_services.h"
#include "app/reviewer_services.h"
#include "app/service_gauges.h"
#include "app/stats_services.h"
#include "app/storage_pipeline.h"
#include "stats/discrete_laplace.h"

namespace pillarbox::app {
namespace {

// Blocks SIGINT and SIGTERM in this thread and every thread started after,
// so that only WaitForStopSignal() receives them.
sigset_t BlockStopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

int WaitForStopSignal(const sigset_t& signals) {
  int received = 0;
  sigwait(&signals, &received);
  return received;
}

}  // namespace

int RunServe(const ServeOptions& options) {
  const sigset_t stop_signals = BlockStopSignals();
  signal(SIGPIPE, SIG_IGN);  // Pistache: an aborted download must not kill us.
  ConfigureLogging(options.log_level, options.log_format == "json" ? LogFormat::kJson : LogFormat::kText);

  // Held until serve returns: a master key rotation must not run beside it.
  auto folder_lock = DataFolderLock::Acquire(options.data_dir);
  if (!folder_lock.ok()) {
    std::cerr << "pillarbox: cannot start: " << folder_lock.status().message() << "\n";
    return 1;
  }
  auto instance = OpenInstance(options.data_dir, options.secret_file);
  if (!instance.ok()) {
    std::cerr << "pillarbox: cannot start: " << instance.status().message() << "\n";
    return 1;
  }
  auto storage = StoragePipeline::Start(std::move(instance->database), instance->layout.database(),
                                        {.queue_capacity = options.queue_capacity, .max_batch = options.max_batch});
  if (!storage.ok()) {
    std::cerr << "pillarbox: cannot start: " << storage.status().message() << "\n";
    return 1;
  }
  SystemClock clock;
  intake::IntakeService intake(*instance->catalog, *instance->desks, *instance->keys, (*storage)->report_store(),
                               clock);

  auto reviewers = ReviewerServices::Start(instance->layout.database(), (*storage)->writer(), *instance->desks,
                                          *instance->keys, clock,
                                          {.idle_timeout_seconds = options.session_idle_minutes * 60},
                                          {.batch_size = options.key_reseal_batch});
  if (!reviewers.ok()) {
    std::cerr << "pillarbox: cannot start: " << reviewers.status().message() << "\n";
    return 1;
  }
  auto reporters = ReporterServices::Start(instance->layout.database(), (*storage)->writer(), *instance->keys,
                                          *instance->catalog, clock);
  if (!reporters.ok()) {
    std::cerr << "pillarbox: cannot start: " << reporters.status().message() << "\n";
    return 1;
  }
  auto reporter_pages = ReporterPageServices::Start(*instance->catalog, clock,
                                                   {.min_age_seconds = options.form_min_seconds});
  if (!reporter_pages.ok()) {
    std::cerr << "pillarbox: cannot start: " << reporter_pages.status().message() << "\n";
    return 1;
  }
  std::optional<intake::SubmissionQuota> quota;
  if (options.submissions_per_minute > 0) {
    quota.emplace(clock, intake::SubmissionQuota::Options{.per_minute = options.submissions_per_minute,
                                                          .burst = options.submission_burst});
  }
  std::optional<intake::ProofOfWork> proof_of_work;
  if (options.pow_bits > 0) proof_of_work.emplace(clock, intake::ProofOfWork::Options{.difficulty_bits = options.pow_bits});

  auto evidence = EvidenceServices::Start(instance->layout.database(), (*storage)->writer(),
                                         media::MakeLibraryEvidenceCleaner(), *instance->keys, clock,
                                         {.max_file_mib = options.max_file_mib,
                                          .max_files_per_report = options.max_files_per_report,
                                          .max_staged_mib = options.max_staged_mib});
  if (!evidence.ok()) {
    std::cerr << "pillarbox: cannot start: " << evidence.status().message() << "\n";
    return 1;
  }
  auto budget = stats::ParseDecimal(options.researcher_epsilon_budget, "researcher-epsilon-budget");
  if (!budget.ok() || budget->numerator > 1'000'000'000 || (budget->numerator * 1'000'000) % budget->denominator != 0) {
    std::cerr << "pillarbox: --researcher-epsilon-budget: must be a positive decimal with at most 6 digits after "
                 "the point\n";
    return 2;
  }
  auto statistics = StatsServices::Start(
      instance->layout.database(), (*storage)->writer(), *instance->catalog, *instance->keys, clock,
      {.threshold = options.stats_threshold,
       .epsilon_budget_micro = static_cast<int64_t>(budget->numerator * 1'000'000 / budget->denominator)});
  if (!statistics.ok()) {
    std::cerr << "pillarbox: cannot start: " << statistics.status().message() << "\n";
    return 1;
  }
  http::RouteContext context = BuildRouteContext(*instance->catalog);
  (*evidence)->Fill(context);
  auto bundle_services = BundleServices::Start(instance->layout.database(), (*storage)->writer(), *context.evidence,
                                               *instance->keys, clock);
  if (!bundle_services.ok()) {
    std::cerr << "pillarbox: cannot start: " << bundle_services.status().message() << "\n";
    return 1;
  }
  context.intake = &intake;
  context.submission_quota = quota ? &*quota : nullptr;
  context.proof_of_work = proof_of_work ? &*proof_of_work : nullptr;
  (*reviewers)->Fill(context);
  (*reporters)->Fill(context);
  (*bundle_services)->Fill(context);
  (*reporter_pages)->Fill(context);
  (*statistics)->Fill(context);
  auto retention = RetentionServices::Start(
      instance->layout.database(), (*storage)->writer(), *instance->catalog, *instance->keys, clock,
      [&storage] { return (*storage)->TruncateWal(); },
      [&context](const std::vector<std::string>& ids) { ForgetPurgedReports(context, ids); });
  if (!retention.ok()) {
    std::cerr << "pillarbox: cannot start: " << retention.status().message() << "\n";
    return 1;
  }
  (*retention)->Fill(context);
  constexpr size_t kMebibyte = 1024 * 1024;
  http::HttpServer server({.host = options.listen.host,
                           .port = options.listen.port,
                           .threads = options.http_threads,
                           .max_request_bytes = std::max(http::ServerOptions{}.max_request_bytes,
                                                         options.max_file_mib * kMebibyte + 64 * 1024),
                           .max_response_bytes = std::max((options.max_file_mib + 1) * kMebibyte,
                                                          bundles::kDefaultMaxBundleBytes + kMebibyte)},
                          context);
  if (Status started = server.Start(); !started.ok()) {
    std::cerr << "pillarbox: cannot start: " << started.message() << "\n";
    return 1;
  }
  RegisterServiceGauges((*storage)->writer(), context);
  (*retention)->StartSchedule();  // purges now, then once per UTC day
  std::cout << "pillarbox listening on http://" << options.listen.host << ":" << server.port() << std::endl;
  spdlog::info("serving threads={} queue_capacity={} submissions_per_minute={} submission_burst={} pow_bits={}",
               options.http_threads, options.queue_capacity, options.submissions_per_minute,
               options.submission_burst, options.pow_bits);

  const int signal_number = WaitForStopSignal(stop_signals);
  spdlog::info("signal {} received; draining", signal_number);
  (*retention)->Stop();   // a purge in progress stops after its batch
  (*reviewers)->Drain();  // queued logins and reads finish while the writer still runs
  (*storage)->Drain();  // commits and answers everything already queued; new submissions get 503
  // Let the I/O threads flush the answers the writer just sent.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  server.Shutdown();
  UnregisterServiceGauges();
  const auto stats = (*storage)->stats();
  spdlog::info("stopped committed={} failed={} transactions={}", stats.committed_ops, stats.failed_ops,
               stats.transactions);
  return 0;
}

}  // namespace pillarbox::app
