-- wrk script for bench/timelines.sh: like home_timeline.lua (a different seeded user's bearer token on each
-- request, cycled from the file BENCH_TOKENS), and also a different path on each request when BENCH_PATHS names a
-- file of paths (one a line, e.g. /api/v1/accounts/123/statuses?limit=20), otherwise the path on the command line.
-- BENCH_TOKENS unset or empty: anonymous requests. Each wrk thread starts at its own random place in both lists.
-- BENCH_PAIRED non-empty: the Nth token goes with the Nth path (a list timeline and its owner).
local tokens = {}
local paths = {}
local next_token = 1
local next_path = 1
local threads = 0
local paired = false

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

local function read_lines(path, into)
  for line in io.lines(path) do
    if #line > 0 then into[#into + 1] = line end
  end
  assert(#into > 0, "no lines in " .. path)
end

function init(args)
  math.randomseed(os.time() * 100 + (thread_number or 0))
  local token_file = os.getenv("BENCH_TOKENS")
  if token_file and #token_file > 0 then
    read_lines(token_file, tokens)
    next_token = math.random(#tokens)
  end
  paired = (os.getenv("BENCH_PAIRED") or "") ~= ""
  local path_file = os.getenv("BENCH_PATHS")
  if path_file and #path_file > 0 then
    read_lines(path_file, paths)
    next_path = math.random(#paths)
  end
end

function request()
  local path = nil
  if #paths > 0 then
    next_path = next_path % #paths + 1
    path = paths[next_path]
  end
  if #tokens == 0 then
    return wrk.format("GET", path)
  end
  if paired then
    return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. tokens[next_path] })
  end
  next_token = next_token % #tokens + 1
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. tokens[next_token] })
end
