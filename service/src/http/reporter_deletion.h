// A reporter's request to delete their report, shared by the JSON API
// (DELETE /api/v1/reporter/report) and the follow-up page (/followup/delete).
#pragma once

#include "common/status.h"
#include "http/route_context.h"
#include "intake/reporter_sessions.h"

namespace pillarbox::http {

// Deletes the session's report (reporter::ReporterFollowup::RequestDeletion:
// crypto-shredding, every session of the report ends), then wipes the
// report's uploads still in progress (reporter::UploadStaging::AbortReport)
// so no staged plaintext outlives the report. Returns RequestDeletion's
// status. Blocks for about one commit: call it on a worker thread.
Status DeleteReporterReport(const RouteContext& context, const intake::ReporterSession& session);

}  // namespace pillarbox::http
