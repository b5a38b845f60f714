#!/usr/bin/env bash
# Sign-up storm: does a flood of sign-ups (each an argon2id hash: ~19 MiB and tens of ms of CPU) lock out the
# members already there? First wrk reads the home timeline alone (64 connections, the seeded users' tokens, as
# bench/home_timeline.sh) for BENCH_SECONDS; then the same wrk run again while an open-loop client
# (bench/signup/SignupStorm.java, JDK only) sends BENCH_RATE (50) sign-ups a second, POST /api/v1/accounts with an
# app token, whatever the answers; each account that got a token confirms its address through the link the server
# logs and follows BENCH_FOLLOWS (3) seeded accounts. Prints the storm's answers (200/429/503/other, Retry-After,
# latencies of acceptances and refusals, follows) and both home-timeline runs.
# The server runs as deployed except: registrations open (STARLING_REGISTRATIONS=open) and the per-address sign-up
# limit raised (STARLING_SIGNUPS_PER_IP_PER_HOUR, default 5 an hour; here BENCH_SIGNUPS_PER_IP, 1,000,000): the
# storm comes from one address, and with the default only 5 sign-ups would pass the per-IP rule and none would
# reach password hashing, which is what this measures (a real storm comes from many addresses). The bound on
# requests in flight is the deployed default (STARLING_MAX_IN_FLIGHT 512), not the other benches' 4,096.
# Writes accounts and follows into DATA_DIR: use a copy of a shared seed.
# Usage: bench/signup_storm.sh [DATA_DIR]
#   BENCH_RATE=50  BENCH_SECONDS=30  BENCH_WARMUP=20  BENCH_FOLLOWS=3  BENCH_THREADS=2  BENCH_SIGNUPS_PER_IP=1000000
[ -n "${1:-}" ] && export BENCH_DATA_DIR="$1"
export STARLING_MAX_IN_FLIGHT="${STARLING_MAX_IN_FLIGHT:-512}" STARLING_REGISTRATIONS=open
export STARLING_SIGNUPS_PER_IP_PER_HOUR="${BENCH_SIGNUPS_PER_IP:-1000000}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seconds="${BENCH_SECONDS:-30}"
threads="${BENCH_THREADS:-2}"
rate="${BENCH_RATE:-50}"
url="$base/api/v1/timelines/home?limit=20"

machine
ensure_seeded
start_server
# After a storm the server can take long to stop (the job backlog; once it spun in HikariCP's connection hand-off for
# minutes): give it 30 s, then kill it, so no server is left behind on the shared machine.
trap 'pid="$server_pid"; server_pid=""; if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done; kill -9 "$pid" 2>/dev/null || true; fi
  rm -rf "$bench_dir"' EXIT
check_token
export BENCH_TOKENS="$data_dir/bench/tokens.txt"
curl -s "$base/api/v1/instance" | python3 -c 'import json,sys; r=json.load(sys.stdin)["registrations"]; print("registrations:", r)' 2>/dev/null \
  || curl -s "$base/api/v2/instance" | python3 -c 'import json,sys; r=json.load(sys.stdin)["registrations"]; print("registrations:", r)'
# Accounts the new members follow: authors of recent public posts and seeded token owners.
python3 "$here/timelines_setup.py" accounts "$base" "$BENCH_TOKENS" 50 \
  | sed -E 's#.*/accounts/([0-9]+)/.*#\1#' > "$bench_dir/follow_ids.txt"

# home LABEL: one wrk run on the home timeline; prints it and adds a summary line with the server's CPU.
results=()
home() {
  local cpu_before cpu_after out requests cpu
  cpu_before="$(server_cpu_ms)"
  out="$(wrk -t"$threads" -c64 -d"${seconds}s" --timeout 10s --latency -s "$here/home_timeline.lua" "$url")"
  cpu_after="$(server_cpu_ms)"
  echo "$out"
  requests="$(awk '/requests in/ { print $1 }' <<<"$out")"
  cpu="$(awk -v c="$((cpu_after - cpu_before))" -v n="$requests" -v s="$seconds" \
    'BEGIN { if (n > 0) printf "server CPU %.2f ms per home request (everything the server did / home requests), %.2f cores busy", c / n, c / 1000 / s }')"
  echo "$cpu"
  results+=("$(summary "$1" <<<"$out"); $cpu")
}

echo "warm-up ${BENCH_WARMUP:-20}s..."
wrk -t"$threads" -c64 -d"${BENCH_WARMUP:-20}s" -s "$here/home_timeline.lua" "$url" > /dev/null
echo
echo "home timeline alone, 64 connections, ${seconds}s (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
home "home timeline alone, 64 connections"

echo
echo "sign-up storm: $rate sign-ups/s for ${seconds}s, with the home timeline at 64 connections (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
"$java" -Xss512k -Xmx512m "$here/signup/SignupStorm.java" "$base" "$rate" "$seconds" "$bench_dir/follow_ids.txt" \
  "${BENCH_FOLLOWS:-3}" "$bench_dir/server.err" > "$bench_dir/storm.out" 2>&1 &
storm_pid=$!
for _ in $(seq 1 600); do
  grep -q "storm started" "$bench_dir/storm.out" 2>/dev/null && break
  kill -0 "$storm_pid" 2>/dev/null || break
  sleep 0.1
done
home "home timeline during the storm, 64 connections"
wait "$storm_pid" || true
echo
cat "$bench_dir/storm.out"
echo
printf '%s\n' "${results[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
