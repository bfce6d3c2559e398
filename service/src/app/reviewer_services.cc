#include "app/reviewer_services.h"

#include "app/triage_vocabulary.h"

namespace pillarbox::app {
namespace {

constexpr size_t kWorkerThreads = 2;
constexpr size_t kMaxQueuedWork = 256;
constexpr size_t kReaderConnections = 2;
// Two Argon2id runs at once (the KdfGate's limit) and a short queue: about 5 s
// of waiting at 0.6 s per run before a login gets 503 + Retry-After.
constexpr size_t kLoginThreads = 2;
constexpr size_t kMaxQueuedLogins = 16;

}  // namespace

ReviewerServices::ReviewerServices(std::unique_ptr<store::ReaderPool> readers,
                                   std::unique_ptr<store::Database> login_reader, store::GroupCommitWriter& writer,
                                   store::SqliteDeskDirectory& desks, const privacy::InstanceKeys& keys,
                                   const Clock& clock, cases::TriageVocabulary vocabulary,
                                   accounts::SessionStore::Options sessions,
                                   accounts::DeskKeyRotationJob::Options rotation)
    : workers_(kWorkerThreads, kMaxQueuedWork),
      login_workers_(kLoginThreads, kMaxQueuedLogins),
      sessions_(clock, sessions),
      backoff_(clock, {}),
      readers_(std::move(readers)),
      audit_(writer, keys.audit_key(), clock),
      audit_checker_(*readers_, audit_, keys.audit_key()),
      login_(std::move(login_reader), writer, sessions_, backoff_, clock, {}),
      reports_(*readers_, audit_),
      triage_(*readers_, clock, std::move(vocabulary)),
      workflow_(writer, keys.audit_key(), clock),
      deadlines_(*readers_, writer, keys.audit_key(), clock),
      account_admin_(writer, keys.audit_key(), clock, privacy::ModerateKdfParams()),
      desk_membership_(writer, *readers_, desks, sessions_, keys.audit_key(), clock),
      desk_key_rotation_(writer, *readers_, desks, keys.audit_key(), clock, rotation),
      tags_(writer, *readers_, keys.audit_key(), clock),
      report_labels_(writer, *readers_, keys.audit_key(), clock),
      report_notes_(writer, *readers_, keys.audit_key(), clock),
      report_messages_(writer, *readers_, keys.audit_key(), clock),
      cases_(cases::CaseEnvironment{*readers_, writer, audit_, keys.audit_key(), clock}),
      aggregates_(*readers_) {}

Result<std::unique_ptr<ReviewerServices>> ReviewerServices::Start(const std::string& database_path,
                                                                  store::GroupCommitWriter& writer,
                                                                  store::SqliteDeskDirectory& desks,
                                                                  const privacy::InstanceKeys& keys,
                                                                  const Clock& clock,
                                                                  accounts::SessionStore::Options sessions,
                                                                  accounts::DeskKeyRotationJob::Options rotation) {
  PB_ASSIGN_OR_RETURN(auto readers, store::ReaderPool::Open(database_path, kReaderConnections));
  PB_ASSIGN_OR_RETURN(auto login_reader, store::Database::Open(database_path, store::OpenMode::kReadWrite));
  PB_ASSIGN_OR_RETURN(auto vocabulary, LoadTriageVocabulary());
  return std::unique_ptr<ReviewerServices>(new ReviewerServices(std::move(readers), std::move(login_reader), writer,
                                                                desks, keys, clock, std::move(vocabulary), sessions,
                                                                rotation));
}

void ReviewerServices::Fill(http::RouteContext& context) {
  context.login = &login_;
  context.sessions = &sessions_;
  context.reports = &reports_;
  context.triage = &triage_;
  context.workflow = &workflow_;
  context.deadlines = &deadlines_;
  context.audit = &audit_;
  context.audit_checker = &audit_checker_;
  context.workers = &workers_;
  context.login_workers = &login_workers_;
  context.account_admin = &account_admin_;
  context.desk_membership = &desk_membership_;
  context.desk_key_rotation = &desk_key_rotation_;
  context.readers = readers_.get();
  context.tags = &tags_;
  context.report_labels = &report_labels_;
  context.report_notes = &report_notes_;
  context.report_messages = &report_messages_;
  context.cases = &cases_;
  context.aggregates = &aggregates_;
}

}  // namespace pillarbox::app
