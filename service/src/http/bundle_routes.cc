#include "http/bundle_routes.h"

#include <pistache/router.h>

#include <chrono>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "bundles/bundle_assembler.h"
#include "bundles/organization_registry.h"
#include "bundles/redactions.h"
#include "common/logging.h"
#include "common/worker_pool.h"
#include "http/attachment_response.h"
#include "http/authenticated_json.h"
#include "http/bearer_auth.h"
#include "http/json_request.h"
#include "http/router_guards.h"
#include "http/worker_json.h"
#include "privacy/bytes.h"

namespace pillarbox::http {
namespace {

using nlohmann::json;
using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;
using Session = std::shared_ptr<const accounts::Session>;

constexpr char kDownloadRoute[] = "GET /api/v1/bundles/:id/download";

json OrganizationJson(const store::OrganizationRecord& organization) {
  return {{"id", organization.id},
          {"name", organization.name},
          {"public_key", privacy::ToHex(organization.public_key)},
          {"created_day", organization.created_day}};
}

json RedactionJson(const store::RedactionRecord& redaction) {
  json span = nullptr;
  if (redaction.span_start.has_value()) span = {{"start", *redaction.span_start}, {"end", *redaction.span_end}};
  return {{"id", redaction.id},       {"field", redaction.field},           {"span", span},
          {"reason", redaction.reason}, {"created_by", redaction.created_by}, {"created_day", redaction.created_day}};
}

// Partners see what identifies the bundle to them; staff also see the case.
json BundleJson(const store::BundleRecord& bundle, const accounts::Session& session) {
  json out = {{"id", bundle.id},
              {"organization_id", bundle.organization_id},
              {"created_day", bundle.created_day},
              {"size", bundle.size},
              {"state", bundle.state}};
  if (session.identity.role != "partner") {
    out["case_id"] = bundle.case_id;
    out["created_by"] = bundle.created_by;
  }
  return out;
}

Result<bundles::NewOrganization> DecodeOrganization(const Request& request) {
  PB_ASSIGN_OR_RETURN(const json body, ParseJsonObjectBody(request, kMaxBundleRequestBody));
  bundles::NewOrganization organization;
  PB_RETURN_IF_ERROR(
      ReadStringMembers(body, {{"name", &organization.name}, {"public_key", &organization.public_key}}));
  return organization;
}

Result<int64_t> SpanEnd(const json& span, const char* name) {
  const auto member = span.find(name);
  if (member == span.end() || !member->is_number_integer()) {
    return Status::InvalidArgument("must be an object {start, end} of byte offsets", "span");
  }
  return member->get<int64_t>();
}

Result<bundles::NewRedaction> DecodeRedaction(const Request& request) {
  PB_ASSIGN_OR_RETURN(const json body, ParseJsonObjectBody(request, kMaxBundleRequestBody));
  bundles::NewRedaction redaction;
  PB_RETURN_IF_ERROR(ReadStringMembers(body, {{"field", &redaction.field}, {"reason", &redaction.reason}}));
  const auto span = body.find("span");
  if (span != body.end() && !span->is_null()) {
    if (!span->is_object()) return Status::InvalidArgument("must be an object {start, end} of byte offsets", "span");
    PB_ASSIGN_OR_RETURN(const int64_t start, SpanEnd(*span, "start"));
    PB_ASSIGN_OR_RETURN(const int64_t end, SpanEnd(*span, "end"));
    redaction.span = bundles::TextSpan{start, end};
  }
  return redaction;
}

Result<bundles::ShareRequest> DecodeShare(const Request& request) {
  PB_ASSIGN_OR_RETURN(const json body, ParseJsonObjectBody(request, kMaxBundleRequestBody));
  bundles::ShareRequest share;
  PB_RETURN_IF_ERROR(ReadStringMembers(body, {{"organization_id", &share.organization_id}}));
  const auto files = body.find("evidence_file_ids");
  if (files != body.end()) {
    const Status bad = Status::InvalidArgument("must be an array of evidence file ids", "evidence_file_ids");
    if (!files->is_array()) return bad;
    for (const auto& file : *files) {
      if (!file.is_string()) return bad;
      share.evidence_file_ids.push_back(file.get<std::string>());
    }
  }
  return share;
}

Result<json> ListBundlesJson(const RouteContext& context, const Session& session) {
  PB_ASSIGN_OR_RETURN(const auto bundles, context.bundles->List(*session));
  json out = json::array();
  for (const auto& bundle : bundles) out.push_back(BundleJson(bundle, *session));
  return json{{"bundles", std::move(out)}};
}

// Loads bundle `id` on the workers and sends it as an attachment.
void HandleDownload(const RouteContext& context, const Request& request, ResponseWriter& response) {
  const auto started = std::chrono::steady_clock::now();
  const std::string id = request.param(":id").as<std::string>();
  auto session = AuthenticateRequest(request, *context.sessions);
  if (!session.ok()) return FailRequest(response, kDownloadRoute, started, session.status());
  PostWithResponse(
      *context.workers, response,
      [&context, started, id, session = *session](ResponseWriter& pending) {
        Result<bundles::BundleDownload> bundle = context.bundles->Download(*session, id);
        if (!bundle.ok()) return FailRequest(pending, kDownloadRoute, started, bundle.status());
        SendAttachment(pending, "application/octet-stream",
                       SafeFileName("pillarbox-bundle-" + bundle->record.id.substr(0, 8), "pbx"),
                       privacy::AsBytes(bundle->bytes));
        LogRequest(kDownloadRoute, 200, started);
      },
      [started](ResponseWriter& pending, const Status& status) {
        FailRequest(pending, kDownloadRoute, started, status);
      });
}

void RegisterOrganizationRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  using namespace Pistache::Rest::Routes;
  Post(router, "/api/v1/organizations", Guard([&context](const Request& request, ResponseWriter& response) {
         auto organization = DecodeOrganization(request);
         RunAuthenticated(
             context, request, response, "POST /api/v1/organizations",
             [&context, organization](const Session& session) -> Result<json> {
               if (!organization.ok()) return organization.status();
               PB_ASSIGN_OR_RETURN(const auto created, context.organizations->Create(*session, *organization));
               return OrganizationJson(created);
             },
             201);
       }));
  Get(router, "/api/v1/organizations", Guard([&context](const Request& request, ResponseWriter& response) {
        RunAuthenticated(context, request, response, "GET /api/v1/organizations",
                         [&context](const Session& session) -> Result<json> {
                           PB_ASSIGN_OR_RETURN(const auto organizations, context.organizations->List(*session));
                           json out = json::array();
                           // Reviewers choose a recipient by name; the key is the admins' business.
                           const bool admin = session->identity.role == "admin";
                           for (const auto& organization : organizations) {
                             json item = OrganizationJson(organization);
                             if (!admin) item.erase("public_key");
                             out.push_back(std::move(item));
                           }
                           return json{{"organizations", std::move(out)}};
                         });
      }));
}

void RegisterRedactionRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  using namespace Pistache::Rest::Routes;
  Post(router, "/api/v1/reports/:id/redactions", Guard([&context](const Request& request, ResponseWriter& response) {
         const std::string id = request.param(":id").as<std::string>();
         auto redaction = DecodeRedaction(request);
         RunAuthenticated(
             context, request, response, "POST /api/v1/reports/:id/redactions",
             [&context, id, redaction](const Session& session) -> Result<json> {
               if (!redaction.ok()) return redaction.status();
               PB_ASSIGN_OR_RETURN(const auto added, context.redactions->Add(*session, id, *redaction));
               return RedactionJson(added);
             },
             201);
       }));
  Get(router, "/api/v1/reports/:id/redactions", Guard([&context](const Request& request, ResponseWriter& response) {
        const std::string id = request.param(":id").as<std::string>();
        RunAuthenticated(context, request, response, "GET /api/v1/reports/:id/redactions",
                         [&context, id](const Session& session) -> Result<json> {
                           PB_ASSIGN_OR_RETURN(const auto redactions, context.redactions->List(*session, id));
                           json out = json::array();
                           for (const auto& redaction : redactions) out.push_back(RedactionJson(redaction));
                           return json{{"redactions", std::move(out)}};
                         });
      }));
  Delete(router, "/api/v1/reports/:id/redactions/:redaction_id",
         Guard([&context](const Request& request, ResponseWriter& response) {
           const std::string id = request.param(":id").as<std::string>();
           const std::string redaction_id = request.param(":redaction_id").as<std::string>();
           RunAuthenticated(
               context, request, response, "DELETE /api/v1/reports/:id/redactions/:redaction_id",
               [&context, id, redaction_id](const Session& session) -> Result<json> {
                 PB_RETURN_IF_ERROR(context.redactions->Remove(*session, id, redaction_id));
                 return json::object();
               },
               204);
         }));
}

void RegisterSharingRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  using namespace Pistache::Rest::Routes;
  Post(router, "/api/v1/cases/:id/bundles", Guard([&context](const Request& request, ResponseWriter& response) {
         const std::string id = request.param(":id").as<std::string>();
         auto share = DecodeShare(request);
         RunAuthenticated(
             context, request, response, "POST /api/v1/cases/:id/bundles",
             [&context, id, share](const Session& session) -> Result<json> {
               if (!share.ok()) return share.status();
               PB_ASSIGN_OR_RETURN(const auto bundle, context.bundles->Share(*session, id, *share));
               return BundleJson(bundle, *session);
             },
             201);
       }));
  Get(router, "/api/v1/bundles", Guard([&context](const Request& request, ResponseWriter& response) {
        RunAuthenticated(context, request, response, "GET /api/v1/bundles",
                         [&context](const Session& session) { return ListBundlesJson(context, session); });
      }));
  Get(router, "/api/v1/bundles/:id/download", Guard([&context](const Request& request, ResponseWriter& response) {
        HandleDownload(context, request, response);
      }));
}

}  // namespace

void RegisterBundleRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.sessions == nullptr) return;
  if (context.organizations != nullptr) RegisterOrganizationRoutes(router, context);
  if (context.redactions != nullptr) RegisterRedactionRoutes(router, context);
  if (context.bundles != nullptr) RegisterSharingRoutes(router, context);
}

}  // namespace pillarbox::http
