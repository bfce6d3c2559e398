// IntakeService: accepts a decoded submission, validates it, seals it and
// hands it to the store; the reporter gets their receipt only once the report
// is durably committed.
//
// Thread-safe: Submit may be called from several HTTP threads at once. The
// service keeps no mutable state of its own; it only calls const methods of
// the catalog, the desk directory, the instance keys and the clock, and
// ReportStore::Insert, which are all safe to call concurrently.
#pragma once

#include <functional>
#include <string>

#include "common/clock.h"
#include "common/status.h"
#include "intake/desk_directory.h"
#include "intake/questionnaire_catalog.h"
#include "intake/report_store.h"
#include "intake/submission.h"
#include "privacy/instance_secret.h"

namespace pillarbox::intake {

class SubmissionQuota;

class IntakeService {
 public:
  // Called once with the receipt to show the reporter, or with an error.
  using Done = std::function<void(Result<std::string>)>;

  // All references must outlive the service.
  IntakeService(const QuestionnaireCatalog& catalog, const DeskDirectory& desks, const privacy::InstanceKeys& keys,
                ReportStore& store, const Clock& clock);

  // Validates and seals `submission` under a new random report id, received
  // on the clock's current UTC day, with a fresh receipt, and queues it.
  // Returns without calling `done`:
  // - InvalidArgument with field "kind" when no questionnaire has that kind;
  // - the validator's InvalidArgument ("answers.<name>");
  // - FailedPrecondition when no desk receives the kind, or the directory's
  //   error;
  // - the store's error when it refuses the report (ResourceExhausted,
  //   Unavailable).
  // - when `quota` is set, its ResourceExhausted when it has no slot left:
  //   a slot is taken only by a submission that passed validation, so junk
  //   does not use up the quota of real reports;
  // Otherwise returns OK and later calls `done` exactly once, from any thread:
  // with receipt.Display() after the store committed the report, or with the
  // store's error when it did not.
  Status Submit(const Submission& submission, Done done, SubmissionQuota* quota = nullptr);

 private:
  const QuestionnaireCatalog& catalog_;
  const DeskDirectory& desks_;
  const privacy::InstanceKeys& keys_;
  ReportStore& store_;
  const Clock& clock_;
};

}  // namespace pillarbox::intake
