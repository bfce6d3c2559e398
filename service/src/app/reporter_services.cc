#include "app/reporter_services.h"

namespace pillarbox::app {
namespace {

constexpr size_t kReaderConnections = 1;

}  // namespace

ReporterServices::ReporterServices(std::unique_ptr<store::ReaderPool> readers, store::GroupCommitWriter& writer,
                                   const privacy::InstanceKeys& keys, const intake::QuestionnaireCatalog& catalog,
                                   const Clock& clock, intake::ReporterSessions::Options sessions)
    : readers_(std::move(readers)),
      sessions_(clock, sessions),
      followup_(writer, *readers_, keys, sessions_, catalog, clock) {}

Result<std::unique_ptr<ReporterServices>> ReporterServices::Start(const std::string& database_path,
                                                                  store::GroupCommitWriter& writer,
                                                                  const privacy::InstanceKeys& keys,
                                                                  const intake::QuestionnaireCatalog& catalog,
                                                                  const Clock& clock,
                                                                  intake::ReporterSessions::Options sessions) {
  PB_ASSIGN_OR_RETURN(auto readers, store::ReaderPool::Open(database_path, kReaderConnections));
  return std::unique_ptr<ReporterServices>(
      new ReporterServices(std::move(readers), writer, keys, catalog, clock, sessions));
}

void ReporterServices::Fill(http::RouteContext& context) {
  context.reporter_sessions = &sessions_;
  context.reporter_followup = &followup_;
}

}  // namespace pillarbox::app
