#include "http/evidence_routes.h"

#include <chrono>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "cases/report_access.h"
#include "cases/report_evidence.h"
#include "common/logging.h"
#include "common/worker_pool.h"
#include "http/attachment_response.h"
#include "http/authenticated_json.h"
#include "http/bearer_auth.h"
#include "http/evidence_json.h"
#include "http/reporter_upload_routes.h"
#include "http/router_guards.h"
#include "http/worker_json.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;
using Session = std::shared_ptr<const accounts::Session>;

constexpr char kDownloadRoute[] = "GET /api/v1/reports/:id/files/:file_id";

// Decrypts file `file_id` of report `id` on the workers and sends it as an attachment.
void HandleDownload(const RouteContext& context, const Request& request, ResponseWriter& response) {
  const auto started = std::chrono::steady_clock::now();
  const std::string id = request.param(":id").as<std::string>();
  const std::string file_id = request.param(":file_id").as<std::string>();
  auto session = AuthenticateRequest(request, *context.sessions);
  if (!session.ok()) return FailRequest(response, kDownloadRoute, started, session.status());
  PostWithResponse(
      *context.workers, response,
      [&context, started, id, file_id, session = *session](ResponseWriter& pending) {
        Result<reporter::EvidenceFile> file = context.report_evidence->Download(*session, id, file_id);
        if (!file.ok()) return FailRequest(pending, kDownloadRoute, started, file.status());
        const std::string name =
            SafeFileName("evidence-" + file->summary.id.substr(0, 8), file->summary.meta.extension);
        SendAttachment(pending, file->summary.meta.media_type, name, file->content.view());
        LogRequest(kDownloadRoute, 200, started);
      },
      [started](ResponseWriter& pending, const Status& status) {
        FailRequest(pending, kDownloadRoute, started, status);
      });
}

void RegisterReviewerEvidenceRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  using namespace Pistache::Rest::Routes;
  Get(router, "/api/v1/reports/:id/files", Guard([&context](const Request& request, ResponseWriter& response) {
        const std::string id = request.param(":id").as<std::string>();
        RunAuthenticated(context, request, response, "GET /api/v1/reports/:id/files",
                         [&context, id](const Session& session) -> Result<nlohmann::json> {
                           PB_ASSIGN_OR_RETURN(const auto files, context.report_evidence->List(*session, id));
                           return EvidenceListJson(files);
                         });
      }));
  Get(router, "/api/v1/reports/:id/files/:file_id",
      Guard([&context](const Request& request, ResponseWriter& response) {
        HandleDownload(context, request, response);
      }));
}

}  // namespace

void RegisterEvidenceRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.report_evidence != nullptr && context.sessions != nullptr) RegisterReviewerEvidenceRoutes(router, context);
  if (context.evidence != nullptr && context.uploads != nullptr && context.reporter_sessions != nullptr) {
    RegisterReporterUploadRoutes(router, context);
  }
}

}  // namespace pillarbox::http
