#include "http/worker_json.h"

#include <pistache/http.h>

#include <memory>

#include "common/logging.h"
#include "http/responses.h"
#include "http/status_mapping.h"

namespace pillarbox::http {

using Pistache::Http::ResponseWriter;

void FailRequest(ResponseWriter& response, const char* route, std::chrono::steady_clock::time_point started,
                 const Status& status) {
  SendError(response, status);
  LogRequest(route, HttpCodeFor(status), started);
}

void PostWithResponse(WorkerPool& pool, ResponseWriter& response, ResponseTask task, const RefusedTask& refused) {
  auto pending = std::make_shared<ResponseWriter>(std::move(response));
  const Status queued = pool.Post([pending, task = std::move(task)] { task(*pending); });
  if (!queued.ok()) refused(*pending, queued);
}

void RunJsonOnWorkers(WorkerPool& pool, ResponseWriter& response, const char* route,
                      std::chrono::steady_clock::time_point started, JsonTask task, int success_code) {
  PostWithResponse(
      pool, response,
      [started, route, success_code, task = std::move(task)](ResponseWriter& writer) {
        Result<nlohmann::json> body = task();
        if (!body.ok()) return FailRequest(writer, route, started, body.status());
        SendJson(writer, success_code, success_code == 204 ? std::string() : body->dump());
        LogRequest(route, success_code, started);
      },
      [route, started](ResponseWriter& writer, const Status& status) { FailRequest(writer, route, started, status); });
}

}  // namespace pillarbox::http
