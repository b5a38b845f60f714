-- wrk script: GET the path given on the command line with a different user's bearer token on each request,
-- cycling through the tokens in the file named by BENCH_TOKENS (one per line; written by `starling bench seed`).
-- Each wrk thread starts at its own random place in the list.
local tokens = {}
local next_index = 1
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  local path = os.getenv("BENCH_TOKENS")
  assert(path, "set BENCH_TOKENS to the tokens file")
  for line in io.lines(path) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  assert(#tokens > 0, "no tokens in " .. path)
  math.randomseed(os.time() * 100 + (thread_number or 0))
  next_index = math.random(#tokens)
  gzip = os.getenv("BENCH_GZIP") == "1"
end

function request()
  next_index = next_index % #tokens + 1
  local headers = { ["Authorization"] = "Bearer " .. tokens[next_index] }
  if gzip then
    headers["Accept-Encoding"] = "gzip" -- as the apps ask (BENCH_GZIP=1)
  end
  return wrk.format("GET", nil, headers)
end
