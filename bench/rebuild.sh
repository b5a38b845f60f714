#!/usr/bin/env bash
# Feed rebuild: the first GET /api/v1/timelines/home of an account whose feed was not kept (inactive accounts get
# no fan-out) and who follows 1,000 others, timed by `starling bench rebuild` against a running server on the
# seeded data. The account's own follows are put back afterwards. Seeds first unless DATA_DIR holds a seed.
# Usage: bench/rebuild.sh [DATA_DIR]
#   BENCH_FOLLOWING=1000  BENCH_RUNS=5
[ -n "${1:-}" ] && export BENCH_DATA_DIR="$1"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

machine
ensure_seeded
start_server
check_token
echo
STARLING_LOG_LEVEL=WARN run_cli bench rebuild --url "$base" --following "${BENCH_FOLLOWING:-1000}" \
  --runs "${BENCH_RUNS:-5}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
