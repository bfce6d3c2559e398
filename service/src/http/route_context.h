// What the HTTP routes need from the rest of the service. Built by app/
// (the only place that knows every part); the pointees outlive the server.
#pragma once

#include <map>
#include <string>

namespace pillarbox {
class WorkerPool;
}
namespace pillarbox::intake {
class IntakeService;
class QuestionnaireCatalog;
class ReporterSessions;
class SubmissionQuota;
class FormTokens;
class ProofOfWork;
}  // namespace pillarbox::intake
namespace pillarbox::reporter {
class ReporterFollowup;
class EvidenceService;
class UploadStaging;
}  // namespace pillarbox::reporter
namespace pillarbox::pages {
class ReporterPages;
}
namespace pillarbox::accounts {
class AccountAdmin;
class DeskMembership;
class DeskKeyRotationJob;
class LoginService;
class SessionStore;
}  // namespace pillarbox::accounts
namespace pillarbox::store {
class ReaderPool;
}
namespace pillarbox::stats {
class StatsService;
}
namespace pillarbox::audit {
class AuditRecorder;
class AuditChecker;
}
namespace pillarbox::cases {
class ReportReader;
class TagService;
class ReportLabels;
class ReportNotes;
class ReportMessages;
class ReportEvidence;
struct CaseServices;
class TriageQueue;
class WorkflowService;
class DeadlineSettings;
class Aggregates;
class RetentionSettings;
}  // namespace pillarbox::cases

namespace pillarbox::bundles {
class OrganizationRegistry;
class Redactions;
class BundleAssembler;
}  // namespace pillarbox::bundles

namespace pillarbox::http {

struct RouteContext {
  intake::IntakeService* intake = nullptr;
  // Reporter side (issue 5); each group of routes is registered only when set.
  intake::ReporterSessions* reporter_sessions = nullptr;  // receipt sign-in sessions
  reporter::ReporterFollowup* reporter_followup = nullptr;  // /api/v1/reporter/*
  reporter::EvidenceService* evidence = nullptr;            // evidence files, both sides
  reporter::UploadStaging* uploads = nullptr;               // chunked uploads in memory
  intake::SubmissionQuota* submission_quota = nullptr;    // global intake quota; null: none
  intake::ProofOfWork* proof_of_work = nullptr;           // API proof-of-work; null: off
  pages::ReporterPages* reporter_pages = nullptr;         // server-rendered reporter pages
  intake::FormTokens* form_tokens = nullptr;              // the pages' single-use form tokens (set with reporter_pages)
  // Reviewer side; the routes that need them are registered only when set.
  accounts::LoginService* login = nullptr;
  accounts::SessionStore* sessions = nullptr;
  cases::ReportReader* reports = nullptr;
  // Tags, labels (tags, pillars), notes and messages on reports; each group
  // of routes is registered only when its service is set.
  cases::TagService* tags = nullptr;
  cases::ReportLabels* report_labels = nullptr;
  cases::ReportNotes* report_notes = nullptr;
  cases::ReportMessages* report_messages = nullptr;
  cases::ReportEvidence* report_evidence = nullptr;  // reviewers' side of evidence files
  cases::CaseServices* cases = nullptr;  // the case API (http/case_routes.h)
  cases::TriageQueue* triage = nullptr;          // GET /api/v1/reports and counts
  cases::WorkflowService* workflow = nullptr;    // status and assignee changes
  cases::DeadlineSettings* deadlines = nullptr;  // workflow deadlines
  cases::Aggregates* aggregates = nullptr;       // groups, related reports, pillar counts
  cases::RetentionSettings* retention = nullptr;  // retention policy (http/retention_routes.h)
  stats::StatsService* stats = nullptr;          // researchers' statistics (http/stats_routes.h)
  // Evidence bundles (http/bundle_routes.h); each group registered only when set.
  bundles::OrganizationRegistry* organizations = nullptr;  // partner organizations (admin)
  bundles::Redactions* redactions = nullptr;               // redactions on reports' answers
  bundles::BundleAssembler* bundles = nullptr;             // sharing, listing, downloading bundles
  audit::AuditRecorder* audit = nullptr;
  audit::AuditChecker* audit_checker = nullptr;  // GET /api/v1/audit/verification (admins)
  accounts::AccountAdmin* account_admin = nullptr;
  accounts::DeskMembership* desk_membership = nullptr;
  accounts::DeskKeyRotationJob* desk_key_rotation = nullptr;  // /api/v1/desks/{id}/key-rotation
  store::ReaderPool* readers = nullptr;
  WorkerPool* workers = nullptr;  // runs blocking work (decryption, audit commits) off the I/O threads
  // Runs logins (one Argon2id each) apart from `workers`, with a short queue,
  // so a login flood gets fast 503s and cannot starve reviewers' reads.
  WorkerPool* login_workers = nullptr;
  const intake::QuestionnaireCatalog* catalog = nullptr;
  // Published documents, served as they are: questionnaire JSON by kind, and
  // the taxonomy JSON.
  std::map<std::string, std::string> questionnaire_documents;
  std::string taxonomy_document;
  // Largest accepted body of POST /api/v1/reports, in bytes.
  size_t max_report_bytes = 192 * 1024;
};

}  // namespace pillarbox::http
