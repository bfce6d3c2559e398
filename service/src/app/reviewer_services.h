// ReviewerServices: the signed-in side of a running instance: sessions,
// login (on a worker pool, Argon2id bounded), the audit recorder and the audit
// log's on-demand verification, the report reader, the triage queue, the
// report workflow and deadline settings, desk membership, tags, report
// labels, notes, messages and cases, with the reader connections they share.
#pragma once

#include <memory>
#include <string>

#include "accounts/account_admin.h"
#include "accounts/desk_key_rotation_job.h"
#include "accounts/desk_membership.h"
#include "accounts/login_backoff.h"
#include "accounts/login_service.h"
#include "accounts/session_store.h"
#include "audit/audit_checker.h"
#include "audit/audit_recorder.h"
#include "cases/aggregates.h"
#include "cases/case_services.h"
#include "cases/deadlines.h"
#include "cases/report_labels.h"
#include "cases/report_messages.h"
#include "cases/report_notes.h"
#include "cases/report_reader.h"
#include "cases/tag_service.h"
#include "cases/triage_queue.h"
#include "cases/workflow_service.h"
#include "common/clock.h"
#include "common/worker_pool.h"
#include "http/route_context.h"
#include "privacy/instance_secret.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"

namespace pillarbox::app {

class ReviewerServices {
 public:
  // Opens reader connections to `database_path`; the references must outlive
  // the services. `desks` receives the key of a desk rotated by a removal.
  // `sessions` sets the staff sessions' timeouts and cap, `rotation` the desk
  // key re-seal job's batch size.
  static Result<std::unique_ptr<ReviewerServices>> Start(const std::string& database_path,
                                                         store::GroupCommitWriter& writer,
                                                         store::SqliteDeskDirectory& desks,
                                                         const privacy::InstanceKeys& keys, const Clock& clock,
                                                         accounts::SessionStore::Options sessions = {},
                                                         accounts::DeskKeyRotationJob::Options rotation = {});

  // Points `context` at these services.
  void Fill(http::RouteContext& context);

  // Stops the desk key re-seal jobs between batches, then finishes queued
  // logins and reads. Call before the writer stops.
  void Drain() {
    desk_key_rotation_.Stop();
    login_workers_.Stop();
    workers_.Stop();
  }

 private:
  ReviewerServices(std::unique_ptr<store::ReaderPool> readers, std::unique_ptr<store::Database> login_reader,
                   store::GroupCommitWriter& writer, store::SqliteDeskDirectory& desks,
                   const privacy::InstanceKeys& keys, const Clock& clock, cases::TriageVocabulary vocabulary,
                   accounts::SessionStore::Options sessions, accounts::DeskKeyRotationJob::Options rotation);

  WorkerPool workers_;
  WorkerPool login_workers_;
  accounts::SessionStore sessions_;
  accounts::LoginBackoff backoff_;
  std::unique_ptr<store::ReaderPool> readers_;
  audit::AuditRecorder audit_;
  audit::AuditChecker audit_checker_;
  accounts::LoginService login_;
  cases::ReportReader reports_;
  cases::TriageQueue triage_;
  cases::WorkflowService workflow_;
  cases::DeadlineSettings deadlines_;
  accounts::AccountAdmin account_admin_;
  accounts::DeskMembership desk_membership_;
  accounts::DeskKeyRotationJob desk_key_rotation_;
  cases::TagService tags_;
  cases::ReportLabels report_labels_;
  cases::ReportNotes report_notes_;
  cases::ReportMessages report_messages_;
  cases::CaseServices cases_;
  cases::Aggregates aggregates_;
};

}  // namespace pillarbox::app
