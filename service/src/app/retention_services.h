// RetentionServices: the retention side of a running instance: the policy
// settings behind GET/PUT /api/v1/settings/retention (with a reader
// connection of their own), and the purge, run by a DailyScheduler at start
// and then once per UTC day (cases/retention_purge.h).
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/daily_scheduler.h"
#include "cases/retention_purge.h"
#include "cases/retention_settings.h"
#include "common/clock.h"
#include "http/route_context.h"
#include "intake/questionnaire_catalog.h"
#include "privacy/instance_secret.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"

namespace pillarbox::app {

// Drops what the running service still holds of purged reports: their
// staged uploads (context.uploads) and reporter sessions
// (context.reporter_sessions), when set.
void ForgetPurgedReports(const http::RouteContext& context, const std::vector<std::string>& report_ids);

class RetentionServices {
 public:
  // Opens a reader connection to `database_path`. The references must
  // outlive the services. `truncate_wal` runs after each purge;
  // `on_reports` is told of purged reports (may be empty).
  static Result<std::unique_ptr<RetentionServices>> Start(const std::string& database_path,
                                                          store::GroupCommitWriter& writer,
                                                          const intake::QuestionnaireCatalog& catalog,
                                                          const privacy::InstanceKeys& keys, const Clock& clock,
                                                          cases::RetentionPurge::WalTruncate truncate_wal,
                                                          cases::RetentionPurge::ReportsPurged on_reports);

  // Points `context.retention` at the settings.
  void Fill(http::RouteContext& context) { context.retention = &settings_; }

  // Starts the daily purge: one run now, then a check of the clock's day
  // every `check_interval`. Call once, after the writer started.
  void StartSchedule(std::chrono::milliseconds check_interval = std::chrono::minutes(10));

  // Stops the schedule (a purge in progress stops after its batch). Call
  // before the writer stops. Idempotent.
  void Stop();

 private:
  RetentionServices(std::unique_ptr<store::ReaderPool> readers, store::GroupCommitWriter& writer,
                    const intake::QuestionnaireCatalog& catalog, const privacy::InstanceKeys& keys,
                    const Clock& clock, cases::RetentionPurge::WalTruncate truncate_wal,
                    cases::RetentionPurge::ReportsPurged on_reports);

  const Clock& clock_;
  std::unique_ptr<store::ReaderPool> readers_;
  cases::RetentionSettings settings_;
  cases::RetentionPurge purge_;
  std::optional<DailyScheduler> schedule_;
};

}  // namespace pillarbox::app
