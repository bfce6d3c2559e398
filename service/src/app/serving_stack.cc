#include "app/serving_stack.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <thread>
#include <utility>

#include <spdlog/spdlog.h>

#include "app/bundle_services.h"
#include "app/evidence_services.h"
#include "app/reporter_page_services.h"
#include "app/reporter_services.h"
#include "app/retention_services.h"
#include "app/reviewer_services.h"
#include "app/route_documents.h"
#include "app/service_gauges.h"
#include "app/stats_services.h"
#include "app/storage_pipeline.h"
#include "common/clock.h"
#include "http/server.h"
#include "intake/intake_service.h"
#include "intake/proof_of_work.h"
#include "intake/submission_quota.h"
#include "media/library_evidence_cleaner.h"
#include "stats/discrete_laplace.h"

namespace pillarbox::app {

// Declared in the order they start; destroyed in reverse.
struct ServingStack::Parts {
  Instance instance;
  std::unique_ptr<StoragePipeline> storage;
  SystemClock clock;
  std::optional<intake::IntakeService> intake;
  std::unique_ptr<ReviewerServices> reviewers;
  std::unique_ptr<ReporterServices> reporters;
  std::unique_ptr<ReporterPageServices> reporter_pages;
  std::optional<intake::SubmissionQuota> quota;
  std::optional<intake::ProofOfWork> proof_of_work;
  std::unique_ptr<EvidenceServices> evidence;
  std::unique_ptr<StatsServices> statistics;
  http::RouteContext context;
  std::unique_ptr<BundleServices> bundle_services;
  std::unique_ptr<RetentionServices> retention;
  std::optional<http::HttpServer> server;
  bool gauges_registered = false;
  bool stopped = false;
};

Result<int64_t> EpsilonBudgetMicro(const std::string& text) {
  auto budget = stats::ParseDecimal(text, "researcher-epsilon-budget");
  if (!budget.ok() || budget->numerator > 1'000'000'000 || (budget->numerator * 1'000'000) % budget->denominator != 0) {
    return Status::InvalidArgument("must be a positive decimal with at most 6 digits after the point",
                                   "researcher-epsilon-budget");
  }
  return static_cast<int64_t>(budget->numerator * 1'000'000 / budget->denominator);
}

Result<std::unique_ptr<ServingStack>> ServingStack::Start(Instance instance, const ServeOptions& options) {
  PB_ASSIGN_OR_RETURN(const int64_t epsilon_budget_micro, EpsilonBudgetMicro(options.researcher_epsilon_budget));
  auto parts = std::make_unique<Parts>();
  parts->instance = std::move(instance);
  std::unique_ptr<ServingStack> stack(new ServingStack(std::move(parts)));
  Parts& p = *stack->parts_;
  PB_RETURN_IF_ERROR(StartServices(p, options, epsilon_budget_micro));
  constexpr size_t kMebibyte = 1024 * 1024;
  p.server.emplace(http::ServerOptions{.host = options.listen.host,
                                       .port = options.listen.port,
                                       .threads = options.http_threads,
                                       .max_request_bytes = std::max(http::ServerOptions{}.max_request_bytes,
                                                                     options.max_file_mib * kMebibyte + 64 * 1024),
                                       .max_response_bytes = std::max((options.max_file_mib + 1) * kMebibyte,
                                                                      bundles::kDefaultMaxBundleBytes + kMebibyte)},
                   p.context);
  PB_RETURN_IF_ERROR(p.server->Start());
  RegisterServiceGauges(p.storage->writer(), p.context);
  p.gauges_registered = true;
  p.retention->StartSchedule();  // purges now, then once per UTC day
  return stack;
}

Status ServingStack::StartServices(Parts& p, const ServeOptions& options, int64_t epsilon_budget_micro) {
  Instance& instance = p.instance;
  const std::string database = instance.layout.database();
  PB_ASSIGN_OR_RETURN(p.storage, StoragePipeline::Start(std::move(instance.database), database,
                                                        {.queue_capacity = options.queue_capacity,
                                                         .max_batch = options.max_batch}));
  p.intake.emplace(*instance.catalog, *instance.desks, *instance.keys, p.storage->report_store(), p.clock);
  PB_ASSIGN_OR_RETURN(p.reviewers,
                      ReviewerServices::Start(database, p.storage->writer(), *instance.desks, *instance.keys, p.clock,
                                              {.idle_timeout_seconds = options.session_idle_minutes * 60},
                                              {.batch_size = options.key_reseal_batch}));
  PB_ASSIGN_OR_RETURN(p.reporters, ReporterServices::Start(database, p.storage->writer(), *instance.keys,
                                                           *instance.catalog, p.clock));
  PB_ASSIGN_OR_RETURN(p.reporter_pages, ReporterPageServices::Start(*instance.catalog, p.clock,
                                                                    {.min_age_seconds = options.form_min_seconds}));
  if (options.submissions_per_minute > 0) {
    p.quota.emplace(p.clock, intake::SubmissionQuota::Options{.per_minute = options.submissions_per_minute,
                                                              .burst = options.submission_burst});
  }
  if (options.pow_bits > 0) {
    p.proof_of_work.emplace(p.clock, intake::ProofOfWork::Options{.difficulty_bits = options.pow_bits});
  }
  PB_ASSIGN_OR_RETURN(p.evidence, EvidenceServices::Start(database, p.storage->writer(),
                                                          media::MakeLibraryEvidenceCleaner(), *instance.keys, p.clock,
                                                          {.max_file_mib = options.max_file_mib,
                                                           .max_files_per_report = options.max_files_per_report,
                                                           .max_staged_mib = options.max_staged_mib}));
  PB_ASSIGN_OR_RETURN(p.statistics,
                      StatsServices::Start(database, p.storage->writer(), *instance.catalog, *instance.keys, p.clock,
                                           {.threshold = options.stats_threshold,
                                            .epsilon_budget_micro = epsilon_budget_micro}));
  p.context = BuildRouteContext(*instance.catalog);
  p.evidence->Fill(p.context);
  PB_ASSIGN_OR_RETURN(p.bundle_services, BundleServices::Start(database, p.storage->writer(), *p.context.evidence,
                                                               *instance.keys, p.clock));
  p.context.intake = &*p.intake;
  p.context.submission_quota = p.quota ? &*p.quota : nullptr;
  p.context.proof_of_work = p.proof_of_work ? &*p.proof_of_work : nullptr;
  p.reviewers->Fill(p.context);
  p.reporters->Fill(p.context);
  p.bundle_services->Fill(p.context);
  p.reporter_pages->Fill(p.context);
  p.statistics->Fill(p.context);
  StoragePipeline* storage = p.storage.get();
  http::RouteContext* context = &p.context;
  PB_ASSIGN_OR_RETURN(p.retention, RetentionServices::Start(
                                       database, p.storage->writer(), *instance.catalog, *instance.keys, p.clock,
                                       [storage] { return storage->TruncateWal(); },
                                       [context](const std::vector<std::string>& ids) {
                                         ForgetPurgedReports(*context, ids);
                                       }));
  p.retention->Fill(p.context);
  return Status::Ok();
}

ServingStack::ServingStack(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}

ServingStack::~ServingStack() { Stop(); }

uint16_t ServingStack::port() const { return parts_->server ? parts_->server->port() : 0; }

void ServingStack::Stop() {
  Parts& p = *parts_;
  if (p.stopped) return;
  p.stopped = true;
  if (p.retention) p.retention->Stop();     // a purge in progress stops after its batch
  if (p.reviewers) p.reviewers->Drain();    // queued logins and reads finish while the writer still runs
  if (p.storage) p.storage->Drain();        // commits and answers everything queued; new submissions get 503
  if (p.server) {
    // Let the I/O threads flush the answers the writer just sent.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    p.server->Shutdown();
  }
  if (p.gauges_registered) UnregisterServiceGauges();
  if (p.storage) {
    const auto stats = p.storage->stats();
    spdlog::info("stopped committed={} failed={} transactions={}", stats.committed_ops, stats.failed_ops,
                 stats.transactions);
  }
}

}  // namespace pillarbox::app
