-- wrk script: POSTs the JSON body in $BENCH_BODY_FILE to the path in
-- $BENCH_PATH over keep-alive connections, and prints one machine-readable
-- line at the end with throughput, latency percentiles (microseconds) and
-- the count of non-2xx answers.
local body_file = assert(io.open(os.getenv("BENCH_BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.path = os.getenv("BENCH_PATH") or "/api/v1/reports"
wrk.body = body_file:read("*a")
body_file:close()
wrk.headers["Content-Type"] = "application/json"

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read
                 + summary.errors.write + summary.errors.timeout
  io.write(string.format("BENCH requests=%d failed=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, failed, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
