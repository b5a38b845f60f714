#!/usr/bin/env bash
# Posting: POST /api/v1/statuses by BENCH_POSTERS (8) posters at once, one wrk connection (and thread) each, each
# poster followed by BENCH_FOLLOWERS (100) local accounts, on an empty instance made by `starling bench posters`
# (seconds). Prints the accepted posts/s with the POST's latency, the server CPU per post (the POST and its
# status.distribute job: fan-out, notifications, streaming), and the fan-out lag at that rate: meanwhile
# `starling bench fanout` posts as the first poster, one post at a time, and times each from the POST's answer
# until the status is in all of its followers' home feeds (counted in the database); at the end, how long the job
# status.distribute jobs took to be done after the load stopped.
# Usage: bench/posting.sh [DATA_DIR]   (a DATA_DIR of its own, kept between runs: it grows with every run)
#   BENCH_SECONDS=30  BENCH_WARMUP=10  BENCH_POSTERS=8  BENCH_FOLLOWERS=100
#   PostgreSQL: STARLING_DATABASE_URL=jdbc:postgresql://...&currentSchema=bench_x (and a DATA_DIR for the tokens)
[ -n "${1:-}" ] && export BENCH_DATA_DIR="$1"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seconds="${BENCH_SECONDS:-30}"
posters="${BENCH_POSTERS:-8}"
url="$base/api/v1/statuses"
dir="$data_dir/bench/posting"

machine
if [ ! -f "$dir/posters.txt" ]; then
  STARLING_LOG_LEVEL=WARN run_cli bench posters --posters "$posters" --followers "${BENCH_FOLLOWERS:-100}" --out "$dir"
fi
start_server
export BENCH_TOKENS="$dir/posters.txt"
echo "warm-up ${BENCH_WARMUP:-10}s..."
wrk -t"$posters" -c"$posters" -d"${BENCH_WARMUP:-10}s" -s "$here/posting.lua" "$url" > /dev/null
# Let the warm-up's jobs finish (a short fan-out sample that waits for the lane to drain).
STARLING_LOG_LEVEL=WARN run_cli bench fanout --url "$base" --dir "$dir" --runs 3 --warmup-runs 0 --pause-ms 100 \
  --quiet --drain status.distribute > /dev/null
echo
echo "POST /api/v1/statuses, $posters posters at once ($posters connections, $posters wrk threads), $((seconds + 2))s:"
cpu_before="$(server_cpu_ms)"
# The sampler warms up (one post, not counted) before the load starts, then samples for BENCH_SECONDS while wrk posts
# (wrk runs 2 s longer, so every sample is taken under load).
STARLING_LOG_LEVEL=WARN run_cli bench fanout --url "$base" --dir "$dir" --duration-s "$seconds" --warmup-runs 1 \
  --pause-ms 100 --quiet --drain status.distribute > "$bench_dir/fanout.out" &
sampler=$!
for _ in $(seq 1 600); do grep -q "warm-up run" "$bench_dir/fanout.out" && break; sleep 0.1; done
out="$(wrk -t"$posters" -c"$posters" -d"$((seconds + 2))s" --timeout 10s --latency -s "$here/posting.lua" "$url")"
cpu_posted="$(server_cpu_ms)"
wait "$sampler"
cpu_after="$(server_cpu_ms)"
echo "$out"
cat "$bench_dir/fanout.out"
requests="$(awk '/requests in/ { print $1 }' <<<"$out")"
# The server's own CPU per post, until its jobs are done (the sampler's few posts, about 1 %, are not counted).
cpu="$(awk -v c="$((cpu_after - cpu_before))" -v p="$((cpu_posted - cpu_before))" -v n="$requests" -v s="$((seconds + 2))" \
  'BEGIN { if (n > 0) printf "server CPU %.2f ms/request (%.2f ms while posting), %.2f cores busy", c / n, p / n, p / 1000 / s }')"
echo "$cpu"
echo
echo "$(summary "posting, $posters posters" <<<"$out"); $cpu"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
