// ReporterFollowup: a reporter comes back with their receipt, reads their
// report (status in plain words, their answers, the reviewers' messages),
// answers, signs out, or has the report deleted.
//
// Sign-in derives the lookup id from the receipt (privacy::ReceiptLookupId),
// finds the report, unwraps its data key with the receipt
// (intake::UnwrapReporterDataKey) and opens a short session
// (intake::ReporterSessions) that holds the key in locked memory. Every
// failure of sign-in is the same Unauthenticated(kReceiptNotRecognised), so a
// wrong receipt, a mistyped one and the receipt of a deleted report cannot be
// told apart.
//
// Reporter actions are audited with actor "reporter" through the deferred
// audit entries (audit/deferred_audit.h): they join the chain after their day,
// stamped 00:00 UTC, so neither their time nor their position in the chain
// dates them more precisely than the day.
// Reading is not audited (it is the reporter's own report, not a staff
// action). Reviewer names never reach the reporter.
//
// Thread-safe: every method may be called from several threads at once;
// Reply and RequestDeletion block for about one commit (use a worker thread).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/status.h"
#include "intake/questionnaire_catalog.h"
#include "intake/reporter_sessions.h"
#include "privacy/instance_secret.h"
#include "reporter/reporter_view.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"

namespace pillarbox::reporter {

// The one message of every refused sign-in.
inline constexpr char kReceiptNotRecognised[] = "receipt not recognised";

// A session just opened with a receipt.
struct ReporterSignIn {
  std::string token;           // 64 lowercase hex digits; give it to the reporter once
  int64_t expires_in = 0;      // seconds the session lives at most (it ends sooner when idle)
};

class ReporterFollowup {
 public:
  // All references must outlive the service. `keys` gives the receipt pepper
  // and the audit key; `catalog` the questionnaires' titles and labels.
  ReporterFollowup(store::GroupCommitWriter& writer, store::ReaderPool& readers, const privacy::InstanceKeys& keys,
                   intake::ReporterSessions& sessions, const intake::QuestionnaireCatalog& catalog,
                   const Clock& clock);

  // Opens a session for the report of `typed_receipt` (as the reporter typed
  // it: case, spaces and dashes are forgiven). Unauthenticated
  // (kReceiptNotRecognised) when the receipt is malformed, unknown, belongs to
  // a deleted report or does not unwrap the report's key; ResourceExhausted
  // when too many sessions are open; Unavailable on an I/O error. Never logs
  // or echoes the receipt.
  Result<ReporterSignIn> SignIn(std::string_view typed_receipt);

  // The session's report, decrypted with the session's data key.
  // Unauthenticated when the report no longer exists (deleted meanwhile);
  // DataLoss when an answer or a message fails to open.
  Result<ReporterView> View(const intake::ReporterSession& session);

  // Stores `body` as the reporter's next message (intake::ValidateTextBody:
  // InvalidArgument naming "body"), sealed under the report's data key, with
  // author_role "reporter" and no author; bumps the report's revision and
  // appends "report.message.received" (actor "reporter", detail "seq=<n>"),
  // all in one write. Returns the stored message. Unauthenticated when the
  // report no longer exists. Nothing is stored when it fails.
  Result<ReporterMessage> Reply(const intake::ReporterSession& session, std::string_view body);

  // Deletes the session's report now (crypto-shredding): in one write the
  // report row goes, and with it by cascade its answers, blind indexes,
  // messages, notes, labels, case links and evidence files; the audit log
  // gets "report.deleted" (actor "reporter", detail "by=reporter", no
  // content). Then every session of the report ends. Unauthenticated when the
  // report no longer exists. Legal holds (a later issue) will refuse this.
  Status RequestDeletion(const intake::ReporterSession& session);

  // Ends the session of `token`. Unknown tokens are ignored.
  void SignOut(std::string_view token);

 private:
  Status ReplyOp(store::Database& db, const intake::ReporterSession& session, std::string_view body,
                 ReporterMessage& stored);
  Status DeleteOp(store::Database& db, const std::string& report_id);

  store::GroupCommitWriter& writer_;
  store::ReaderPool& readers_;
  const privacy::InstanceKeys& keys_;
  intake::ReporterSessions& sessions_;
  const intake::QuestionnaireCatalog& catalog_;
  const Clock& clock_;
};

}  // namespace pillarbox::reporter
