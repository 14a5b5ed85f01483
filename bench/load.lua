-- wrk script for bench/load.sh: POST the JSON body in LOAD_BODY (a file), with LOAD_API_KEY as bearer key,
-- and count every non-2xx answer (wrk itself counts only >= 400). done() prints `key value` lines.
local file = assert(io.open(os.getenv("LOAD_BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
local key = os.getenv("LOAD_API_KEY")
if key and key ~= "" then wrk.headers["Authorization"] = "Bearer " .. key end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  local non = 0
  for _, thread in ipairs(threads) do non = non + thread:get("non2xx") end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("requests %d\nrps %.1f\np50_ms %.1f\np99_ms %.1f\nmax_ms %.1f\nnon2xx %d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, non))
  io.write(string.format("socket_errors %d\nsocket_detail connect=%d read=%d write=%d timeout=%d\n",
    e.connect + e.read + e.write + e.timeout, e.connect, e.read, e.write, e.timeout))
end
