// Running a JSON endpoint's work on a worker pool: the I/O thread hands the
// response writer to `pool`, the task runs there (it may decrypt or wait for a
// commit), and its JSON or its error is sent from the worker.
#pragma once

#include <chrono>
#include <functional>

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "common/worker_pool.h"

namespace Pistache::Http {
class ResponseWriter;
}

namespace pillarbox::http {

using JsonTask = std::function<Result<nlohmann::json>()>;
using ResponseTask = std::function<void(Pistache::Http::ResponseWriter&)>;
using RefusedTask = std::function<void(Pistache::Http::ResponseWriter&, const Status&)>;

// Hands `response` to `pool` and runs `task` with it there (the task answers).
// When the pool refuses (full or stopping), calls `refused` with the response
// and the pool's status on this thread instead. The one way every route moves
// its answer off Pistache's I/O threads.
void PostWithResponse(WorkerPool& pool, Pistache::Http::ResponseWriter& response, ResponseTask task,
                      const RefusedTask& refused);

// Posts `task` to `pool` and answers `success_code` with its JSON (no body
// at all when `success_code` is 204), or its error; 503 with Retry-After when the pool is full. Logs `route` (the route
// template) with the status and the latency since `started`.
void RunJsonOnWorkers(WorkerPool& pool, Pistache::Http::ResponseWriter& response, const char* route,
                      std::chrono::steady_clock::time_point started, JsonTask task, int success_code = 200);

// Sends the error of `status` and logs it for `route`.
void FailRequest(Pistache::Http::ResponseWriter& response, const char* route,
                 std::chrono::steady_clock::time_point started, const Status& status);

}  // namespace pillarbox::http
