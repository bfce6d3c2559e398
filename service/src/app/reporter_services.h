// ReporterServices: the reporter's side of a running instance (issue 5):
// receipt sign-in sessions and the follow-up (reading one's own report,
// answering, deletion), with the reader connections they use. The evidence,
// pages and anti-abuse services join here as they land.
#pragma once

#include <memory>
#include <string>

#include "common/clock.h"
#include "http/route_context.h"
#include "intake/questionnaire_catalog.h"
#include "intake/reporter_sessions.h"
#include "privacy/instance_secret.h"
#include "reporter/reporter_followup.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"

namespace pillarbox::app {

class ReporterServices {
 public:
  // Opens reader connections to `database_path`; the references must outlive
  // the services. `sessions` sets the reporter sessions' lifetimes and cap.
  static Result<std::unique_ptr<ReporterServices>> Start(const std::string& database_path,
                                                         store::GroupCommitWriter& writer,
                                                         const privacy::InstanceKeys& keys,
                                                         const intake::QuestionnaireCatalog& catalog,
                                                         const Clock& clock,
                                                         intake::ReporterSessions::Options sessions = {});

  // Points `context` at these services (reporter_sessions, reporter_followup).
  // The routes also need context.workers (ReviewerServices fills it).
  void Fill(http::RouteContext& context);

 private:
  ReporterServices(std::unique_ptr<store::ReaderPool> readers, store::GroupCommitWriter& writer,
                   const privacy::InstanceKeys& keys, const intake::QuestionnaireCatalog& catalog, const Clock& clock,
                   intake::ReporterSessions::Options sessions);

  std::unique_ptr<store::ReaderPool> readers_;
  intake::ReporterSessions sessions_;
  reporter::ReporterFollowup followup_;
};

}  // namespace pillarbox::app
