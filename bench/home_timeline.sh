#!/usr/bin/env bash
# Home timeline under load: GET /api/v1/timelines/home?limit=20 as many different seeded users (one token each,
# cycled), at 64 and at 256 connections, after a warm-up. Prints wrk's report (with --latency) and a summary line
# per run. Seeds a fresh instance first (10,000 accounts, 1,000,000 statuses: a few minutes) unless DATA_DIR holds
# one; keep a seed for reuse with BENCH_DATA_DIR=DIR.
# Usage: bench/home_timeline.sh [DATA_DIR]
#   BENCH_CONNECTIONS="64 256"  BENCH_SECONDS=30  BENCH_WARMUP=20  BENCH_THREADS=2  BENCH_LIMIT=20
#   PostgreSQL: STARLING_DATABASE_URL=jdbc:postgresql://...&currentSchema=bench_x (and a DATA_DIR for the tokens)
[ -n "${1:-}" ] && export BENCH_DATA_DIR="$1"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seconds="${BENCH_SECONDS:-30}"
threads="${BENCH_THREADS:-2}"
url="$base/api/v1/timelines/home?limit=${BENCH_LIMIT:-20}"

machine
ensure_seeded
start_server
check_token
export BENCH_TOKENS="$data_dir/bench/tokens.txt"
echo "$(wc -l < "$BENCH_TOKENS") users' tokens; warm-up ${BENCH_WARMUP:-20}s..."
wrk -t"$threads" -c64 -d"${BENCH_WARMUP:-20}s" -s "$here/home_timeline.lua" "$url" > /dev/null
results=()
for connections in ${BENCH_CONNECTIONS:-64 256}; do
  echo
  echo "GET /api/v1/timelines/home?limit=${BENCH_LIMIT:-20}, $connections connections, $threads wrk threads, ${seconds}s:"
  cpu_before="$(server_cpu_ms)"
  out="$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$here/home_timeline.lua" "$url")"
  cpu_after="$(server_cpu_ms)"
  echo "$out"
  # The server's own CPU per request: comparable between runs even when other work shares the machine.
  requests="$(awk '/requests in/ { print $1 }' <<<"$out")"
  cpu="$(awk -v c="$((cpu_after - cpu_before))" -v n="$requests" -v s="$seconds" \
    'BEGIN { if (n > 0) printf "server CPU %.2f ms/request, %.2f cores busy", c / n, c / 1000 / s }')"
  echo "$cpu"
  results+=("$(summary "home timeline, $connections connections" <<<"$out"); $cpu")
done
echo
printf '%s\n' "${results[@]}"
echo "server peak RSS: $(awk '/VmHWM/ { printf "%d MB", $2 / 1024 }' "/proc/$server_pid/status")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
