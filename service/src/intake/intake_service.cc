// Submission path: validate, seal, store, acknowledge (declared in intake/intake_service.h).
#include "intake/intake_service.h"

#include <utility>

#include "intake/report_sealer.h"
#include "intake/submission_quota.h"
#include "intake/validator.h"
#include "privacy/bytes.h"
#include "privacy/receipt.h"

namespace pillarbox::intake {
namespace {

constexpr size_t kReportIdBytes = 16;

Result<DeskKey> DeskFor(const DeskDirectory& desks, const std::string& kind) {
  Result<DeskKey> desk = desks.DeskForKind(kind);
  if (!desk.ok() && desk.status().code() == StatusCode::kNotFound) {
    return Status::FailedPrecondition("no desk receives this kind of report");
  }
  return desk;
}

}  // namespace

IntakeService::IntakeService(const QuestionnaireCatalog& catalog, const DeskDirectory& desks,
                             const privacy::InstanceKeys& keys, ReportStore& store, const Clock& clock)
    : catalog_(catalog), desks_(desks), keys_(keys), store_(store), clock_(clock) {}

Status IntakeService::Submit(const Submission& submission, Done done, SubmissionQuota* quota) {
  const Questionnaire* questionnaire = catalog_.Find(submission.kind);
  if (questionnaire == nullptr) return Status::InvalidArgument("is not a known kind of report", "kind");
  const std::string received_day = UtcDay(clock_.NowUnixSeconds());
  PB_ASSIGN_OR_RETURN(const Report report, ValidateSubmission(*questionnaire, submission, received_day));
  PB_ASSIGN_OR_RETURN(const DeskKey desk, DeskFor(desks_, questionnaire->kind));
  if (quota != nullptr) PB_RETURN_IF_ERROR(quota->Admit());

  const std::string report_id = privacy::ToHex(privacy::RandomBytes(kReportIdBytes));
  const privacy::Receipt receipt = privacy::Receipt::Generate();
  SealedReport sealed = SealReport(report, report_id, received_day, desk, receipt, keys_);
  return store_.Insert(std::move(sealed), [display = receipt.Display(), done = std::move(done)](Status status) mutable {
    if (status.ok()) {
      done(std::move(display));
    } else {
      done(std::move(status));
    }
  });
}

}  // namespace pillarbox::intake
