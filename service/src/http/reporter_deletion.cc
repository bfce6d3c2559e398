#include "http/reporter_deletion.h"

#include "reporter/reporter_followup.h"
#include "reporter/upload_staging.h"

namespace pillarbox::http {

Status DeleteReporterReport(const RouteContext& context, const intake::ReporterSession& session) {
  PB_RETURN_IF_ERROR(context.reporter_followup->RequestDeletion(session));
  if (context.uploads != nullptr) context.uploads->AbortReport(session.report_id);
  return Status::Ok();
}

}  // namespace pillarbox::http
