-- wrk script: POST the body in the file named by WRK_BODY to the path in WRK_PATH.
local function read(path)
  local file = assert(io.open(path, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

wrk.method = "POST"
wrk.path = os.getenv("WRK_PATH")
wrk.body = read(os.getenv("WRK_BODY"))
wrk.headers["Content-Type"] = "application/json"

-- One line the runner parses: requests per second and latency percentiles in microseconds.
function done(summary, latency, requests)
  io.write(string.format("RESULT rps=%.0f p50=%d p99=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
