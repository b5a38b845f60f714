-- wrk script: POST /api/v1/statuses, each wrk thread (run with as many threads as connections) posting as its own
-- poster, the thread's line of the tokens file named by BENCH_TOKENS (written by `starling bench posters`), with a
-- distinct text each time (thread number and a counter).
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  local path = os.getenv("BENCH_TOKENS")
  assert(path, "set BENCH_TOKENS to the tokens file")
  local tokens = {}
  for line in io.lines(path) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  assert(#tokens > 0, "no tokens in " .. path)
  token = tokens[(thread_number - 1) % #tokens + 1]
  counter = 0
  run = os.time()
end

function request()
  counter = counter + 1
  local body = "status=Posting+bench+" .. run .. "+poster+" .. thread_number .. "+post+" .. counter
    .. "&visibility=public"
  return wrk.format("POST", nil, { ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
