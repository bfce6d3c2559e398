#include "app/retention_services.h"

#include <spdlog/spdlog.h>

#include "intake/reporter_sessions.h"
#include "reporter/upload_staging.h"

namespace pillarbox::app {
namespace {

constexpr size_t kReaderConnections = 1;

}  // namespace

void ForgetPurgedReports(const http::RouteContext& context, const std::vector<std::string>& report_ids) {
  for (const std::string& id : report_ids) {
    if (context.uploads != nullptr) context.uploads->AbortReport(id);
    if (context.reporter_sessions != nullptr) context.reporter_sessions->RevokeReport(id);
  }
}

Result<std::unique_ptr<RetentionServices>> RetentionServices::Start(
    const std::string& database_path, store::GroupCommitWriter& writer, const intake::QuestionnaireCatalog& catalog,
    const privacy::InstanceKeys& keys, const Clock& clock, cases::RetentionPurge::WalTruncate truncate_wal,
    cases::RetentionPurge::ReportsPurged on_reports) {
  PB_ASSIGN_OR_RETURN(auto readers, store::ReaderPool::Open(database_path, kReaderConnections));
  return std::unique_ptr<RetentionServices>(new RetentionServices(
      std::move(readers), writer, catalog, keys, clock, std::move(truncate_wal), std::move(on_reports)));
}

RetentionServices::RetentionServices(std::unique_ptr<store::ReaderPool> readers, store::GroupCommitWriter& writer,
                                     const intake::QuestionnaireCatalog& catalog, const privacy::InstanceKeys& keys,
                                     const Clock& clock, cases::RetentionPurge::WalTruncate truncate_wal,
                                     cases::RetentionPurge::ReportsPurged on_reports)
    : clock_(clock),
      readers_(std::move(readers)),
      settings_(*readers_, writer, keys.audit_key(), clock, catalog.Kinds()),
      purge_(writer, keys.audit_key(), clock, catalog.Kinds(), std::move(truncate_wal), std::move(on_reports), {}) {}

void RetentionServices::StartSchedule(std::chrono::milliseconds check_interval) {
  schedule_.emplace(clock_, check_interval, [this](const std::atomic<bool>& cancel) {
    const auto counts = purge_.Run(&cancel);
    if (!counts.ok()) spdlog::warn("retention purge stopped: {}", counts.status().ToString());
  });
}

void RetentionServices::Stop() {
  if (schedule_.has_value()) schedule_->Stop();
}

}  // namespace pillarbox::app
