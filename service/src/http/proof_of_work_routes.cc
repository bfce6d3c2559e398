#include "http/proof_of_work_routes.h"

#include <pistache/router.h>

#include <chrono>

#include <nlohmann/json.hpp>

#include "common/logging.h"
#include "http/responses.h"
#include "http/router_guards.h"
#include "intake/proof_of_work.h"

namespace pillarbox::http {

void RegisterProofOfWorkRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.proof_of_work == nullptr) return;
  using Pistache::Http::ResponseWriter;
  using Pistache::Rest::Request;
  Pistache::Rest::Routes::Get(router, "/api/v1/pow", Guard([&context](const Request&, ResponseWriter& response) {
    const auto started = std::chrono::steady_clock::now();
    const intake::ProofOfWork::Challenge challenge = context.proof_of_work->Issue();
    SendJson(response, 200,
             nlohmann::json{{"challenge", challenge.challenge},
                            {"difficulty", challenge.difficulty_bits},
                            {"expires_in", challenge.expires_in}}
                 .dump());
    LogRequest("GET /api/v1/pow", 200, started);
  }));
}

}  // namespace pillarbox::http
