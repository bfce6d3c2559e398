-- wrk script: POSTs logins with a distinct unknown username per request, so
-- per-account backoff never short-cuts the work: each attempt costs one
-- Argon2id run (the dummy run for unknown names costs the same as a real
-- one). Prints one machine-readable line like post_report.lua.
local counter = 0
wrk.method = "POST"
wrk.path = "/api/v1/auth/login"
wrk.headers["Content-Type"] = "application/json"

function request()
  counter = counter + 1
  local body = string.format('{"username":"bench-%d-%d","password":"a wrong password here","totp":"000000"}',
                             math.random(1, 1000000000), counter)
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("BENCH requests=%d non2xx=%d rps=%.2f p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.errors.status, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
