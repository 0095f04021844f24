-- wrk script for bench/purchases.sh: each request records a purchase at the
-- bench point from a different household of the county (walk-in: household,
-- kind and jin; the price comes from the point's list of the day).
-- Environment: LZ_TOKEN, LZ_POINT, LZ_HH_FIRST, LZ_HH_COUNT.
local token = os.getenv("LZ_TOKEN")
local point = tonumber(os.getenv("LZ_POINT"))
local first = tonumber(os.getenv("LZ_HH_FIRST"))
local count = tonumber(os.getenv("LZ_HH_COUNT"))
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
end

local kinds = {"cabbage", "radish", "greens", "potato"}

function request()
  local n = k * 8 + tid  -- at most 8 threads: disjoint sequences
  k = k + 1
  local hh = first + ((n * 7919) % count)  -- spread over the county
  local kind = kinds[(n % #kinds) + 1]
  local jin = 10 + (n % 90) + 0.5
  local body = string.format('{"point_id":%d,"household_id":%d,"kind":"%s","jin":%.1f}', point, hh, kind, jin)
  return wrk.format("POST", "/api/v1/purchases",
                    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
  end
  io.write(string.format("LZ created=%d other=%d p99_ms=%.2f p50_ms=%.2f\n", c, o,
                         latency:percentile(99) / 1000, latency:percentile(50) / 1000))
end
