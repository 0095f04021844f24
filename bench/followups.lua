-- wrk script for bench/followups.sh: each request records the follow-up of a
-- different (observation, day), so every one is a new durable row.
-- Environment: LZ_TOKEN, LZ_OBS_FIRST, LZ_OBS_COUNT, LZ_FIRST_DAY (days of
-- month in Jan 2020 start at LZ_FIRST_DAY; the bench observations run 30 Jan
-- to 11 Feb).
local token = os.getenv("LZ_TOKEN")
local first = tonumber(os.getenv("LZ_OBS_FIRST"))
local count = tonumber(os.getenv("LZ_OBS_COUNT"))
-- wrk's thread count: thread t takes n = t, t + stride, t + 2*stride... so
-- together the threads use every (observation, day) once.
local stride = tonumber(os.getenv("LZ_WRK_THREADS") or "8")
local threads = {}
local next_tid = 0

-- Each thread gets its own number (a global in the thread's Lua state).
function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  table.insert(threads, thread)
end

function init(args)
  k = 0
  created = 0
  other = 0
  other_status = 0
end

local days = {"2020-01-30", "2020-01-31", "2020-02-01", "2020-02-02", "2020-02-03", "2020-02-04", "2020-02-05",
              "2020-02-06", "2020-02-07", "2020-02-08", "2020-02-09", "2020-02-10", "2020-02-11"}

function request()
  local n = k * stride + tid  -- disjoint sequences, no gaps
  k = k + 1
  local obs = first + (n % count)
  local day = days[(math.floor(n / count) % #days) + 1]
  local body = '{"day":"' .. day .. '","temperature":36.6,"at":"2020-02-12T08:00"}'
  return wrk.format("POST", "/api/v1/observations/" .. obs .. "/follow-ups",
                    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1; other_status = status end
end

function done(summary, latency, requests)
  local c, o, os = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
    if t:get("other_status") ~= 0 then os = t:get("other_status") end
  end
  io.write(string.format("LZ created=%d other=%d other_status=%d p99_ms=%.2f p50_ms=%.2f\n", c, o, os,
                         latency:percentile(99) / 1000, latency:percentile(50) / 1000))
end
