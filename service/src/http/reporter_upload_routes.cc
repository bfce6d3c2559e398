#include "http/reporter_upload_routes.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "cases/report_access.h"
#include "common/logging.h"
#include "http/content_type.h"
#include "http/evidence_json.h"
#include "http/json_request.h"
#include "http/reporter_auth.h"
#include "http/responses.h"
#include "http/router_guards.h"
#include "http/worker_json.h"
#include "reporter/evidence_service.h"
#include "reporter/upload_staging.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;
using ReporterSession = std::shared_ptr<const intake::ReporterSession>;

constexpr char kChunkRoute[] = "PUT /api/v1/reporter/uploads/:upload_id/chunks/:index";

// The "size" of POST /uploads: a positive integer.
Result<size_t> ReadDeclaredSize(const Request& request) {
  PB_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObjectBody(request));
  const auto size = body.find("size");
  if (size == body.end() || !size->is_number_unsigned()) {
    return Status::InvalidArgument("must be a positive integer of bytes", "size");
  }
  return static_cast<size_t>(size->get<uint64_t>());
}

// The chunk index of the path: 1-6 decimal digits.
Result<uint64_t> ParseChunkIndex(const std::string& text) {
  if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidArgument("the chunk index must be a number from 0", "chunk");
  }
  return std::stoull(text);
}

// Checks and appends the request's body as chunk `index` of `upload_id`.
Status AppendChunk(const RouteContext& context, const Request& request, const std::string& report_id) {
  const auto content_type = request.headers().tryGetRaw("Content-Type");
  PB_RETURN_IF_ERROR(RequireMediaType(
      content_type.has_value() ? std::optional<std::string_view>(content_type->value()) : std::nullopt,
      "application/octet-stream"));
  const std::string& body = request.body();
  if (body.size() > reporter::kMaxChunkBytes) return Status::PayloadTooLarge("a chunk is at most 1 MiB", "chunk");
  const std::string upload_id = request.param(":upload_id").as<std::string>();
  if (!cases::IsRandomId(upload_id)) return Status::NotFound("no such upload");
  PB_ASSIGN_OR_RETURN(const uint64_t index, ParseChunkIndex(request.param(":index").as<std::string>()));
  return context.uploads->Append(report_id, upload_id, index, privacy::AsBytes(body));
}

void HandleChunk(const RouteContext& context, const Request& request, ResponseWriter& response) {
  const auto started = std::chrono::steady_clock::now();
  auto session = AuthenticateReporter(request, *context.reporter_sessions);
  if (!session.ok()) return FailRequest(response, kChunkRoute, started, session.status());
  const Status appended = AppendChunk(context, request, (*session)->report_id);
  if (!appended.ok()) return FailRequest(response, kChunkRoute, started, appended);
  SendJson(response, 204, "");
  LogRequest(kChunkRoute, 204, started);
}

Result<nlohmann::json> BeginUpload(const RouteContext& context, const ReporterSession& session,
                                   const Result<size_t>& size) {
  if (!size.ok()) return size.status();
  PB_RETURN_IF_ERROR(context.evidence->CheckRoom(session->report_id));
  PB_ASSIGN_OR_RETURN(const std::string upload_id, context.uploads->Begin(session->report_id, *size));
  return nlohmann::json{{"upload_id", upload_id},
                        {"chunk_bytes", reporter::kMaxChunkBytes},
                        {"max_bytes", context.uploads->options().max_file_bytes}};
}

Result<std::string> ReadFileName(const Request& request) {
  PB_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObjectBody(request));
  std::string name;
  PB_RETURN_IF_ERROR(ReadStringMembers(body, {{"name", &name}}));
  return name;
}

Result<nlohmann::json> FinishUpload(const RouteContext& context, const ReporterSession& session,
                                    const std::string& upload_id, const Result<std::string>& name) {
  if (!name.ok()) return name.status();
  PB_RETURN_IF_ERROR(reporter::ValidateEvidenceName(*name));  // a bad name keeps the upload for a retry
  if (!cases::IsRandomId(upload_id)) return Status::NotFound("no such upload");
  PB_ASSIGN_OR_RETURN(const privacy::SensitiveBytes content, context.uploads->Finish(session->report_id, upload_id));
  PB_ASSIGN_OR_RETURN(const reporter::EvidenceSummary file,
                      context.evidence->Attach(session->report_id, session->data_key, *name, content.view()));
  nlohmann::json json = EvidenceJson(file);
  json.erase("created_day");
  return nlohmann::json{{"file", std::move(json)}};
}

}  // namespace

void RegisterReporterUploadRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  using namespace Pistache::Rest::Routes;
  Post(router, "/api/v1/reporter/uploads", Guard([&context](const Request& request, ResponseWriter& response) {
         auto size = ReadDeclaredSize(request);
         RunAsReporter(
             context, request, response, "POST /api/v1/reporter/uploads",
             [&context, size](const ReporterSession& session) { return BeginUpload(context, session, size); }, 201);
       }));
  Put(router, "/api/v1/reporter/uploads/:upload_id/chunks/:index",
      Guard([&context](const Request& request, ResponseWriter& response) { HandleChunk(context, request, response); }));
  Post(router, "/api/v1/reporter/uploads/:upload_id/finish",
       Guard([&context](const Request& request, ResponseWriter& response) {
         const std::string upload_id = request.param(":upload_id").as<std::string>();
         auto name = ReadFileName(request);
         RunAsReporter(
             context, request, response, "POST /api/v1/reporter/uploads/:upload_id/finish",
             [&context, upload_id, name](const ReporterSession& session) {
               return FinishUpload(context, session, upload_id, name);
             },
             201);
       }));
  Get(router, "/api/v1/reporter/files", Guard([&context](const Request& request, ResponseWriter& response) {
        RunAsReporter(context, request, response, "GET /api/v1/reporter/files",
                      [&context](const ReporterSession& session) -> Result<nlohmann::json> {
                        PB_ASSIGN_OR_RETURN(const auto files,
                                            context.evidence->List(session->report_id, session->data_key));
                        return EvidenceListJson(files);
                      });
      }));
}

}  // namespace pillarbox::http
