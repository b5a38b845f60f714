#!/usr/bin/env bash
# Fan-out: the time from POST /api/v1/statuses by the seeded account with the most followers (about 10,000)
# until the status is in every one of their home feeds, counted in the database by `starling bench fanout`.
# Runs on an idle server, then (unless BENCH_LOAD=0) again while wrk loads the home timeline with
# BENCH_LOAD connections. Seeds first unless DATA_DIR holds a seed (see home_timeline.sh).
# Usage: bench/fanout.sh [DATA_DIR]
#   BENCH_RUNS=5  BENCH_LOAD=64
[ -n "${1:-}" ] && export BENCH_DATA_DIR="$1"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runs="${BENCH_RUNS:-5}"
load="${BENCH_LOAD:-64}"

machine
ensure_seeded
start_server
check_token
echo
echo "Fan-out on an idle server:"
STARLING_LOG_LEVEL=WARN run_cli bench fanout --url "$base" --runs "$runs"
if [ "$load" != 0 ]; then
  echo
  echo "Fan-out while $load connections read home timelines:"
  export BENCH_TOKENS="$data_dir/bench/tokens.txt"
  wrk -t2 -c"$load" -d600s --timeout 10s --latency -s "$here/home_timeline.lua" \
    "$base/api/v1/timelines/home?limit=20" > "$bench_dir/wrk.out" &
  wrk_pid=$!
  sleep 5
  STARLING_LOG_LEVEL=WARN run_cli bench fanout --url "$base" --runs "$runs"
  kill -INT "$wrk_pid" 2>/dev/null || true
  wait "$wrk_pid" 2>/dev/null || true
  summary "home timeline meanwhile, $load connections" < "$bench_dir/wrk.out"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
