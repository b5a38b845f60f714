#!/usr/bin/env bash
# Timelines and threads under load, measured as bench/home_timeline.sh measures the home timeline: per scenario a
# warm-up, then 64 and 256 connections, wrk's report (with --latency), a summary line and the server's CPU per
# request. Authenticated scenarios cycle through the seeded users' tokens (bench/timelines.lua).
#   public       GET /api/v1/timelines/public?limit=20 (federated)
#   local        GET /api/v1/timelines/public?local=true&limit=20
#   public-anon  the federated timeline without a token
#   tag          GET /api/v1/timelines/tag/:tag?limit=20, cycling over the seed's 20 hashtags (all about equally
#                used: ~6,000 statuses each)
#   account      GET /api/v1/accounts/:id/statuses?limit=20, cycling over BENCH_ACCOUNT_COUNT (500) accounts: the
#                authors of the newest public posts, then the seeded token owners
#   context      GET /api/v1/statuses/:id/context of a thread's root: 200 replies, nested up to 6 levels. The seed
#                has no such thread: it is made through the API on the first run and its id kept in
#                DATA_DIR/bench/context.properties (so this WRITES to DATA_DIR: use a copy of a shared seed)
#   context-anon the same without a token (a visitor sees at most 60 descendants)
#   list         GET /api/v1/timelines/list/:id?limit=20, each request by a list's owner: BENCH_LIST_COUNT (200)
#                seeded users each get a list of up to 25 of the accounts they follow, made through the API on
#                the first run and kept in DATA_DIR/bench/lists-*.txt (this too WRITES to DATA_DIR)
# Usage: bench/timelines.sh [DATA_DIR]
#   BENCH_SCENARIOS="public local public-anon tag account context"  BENCH_CONNECTIONS="64 256"  BENCH_SECONDS=30
#   BENCH_WARMUP=20  BENCH_THREADS=2
[ -n "${1:-}" ] && export BENCH_DATA_DIR="$1"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seconds="${BENCH_SECONDS:-30}"
threads="${BENCH_THREADS:-2}"
scenarios="${BENCH_SCENARIOS:-public local public-anon tag account context}"

machine
ensure_seeded
start_server
check_token
tokens="$data_dir/bench/tokens.txt"
echo "$(wc -l < "$tokens") users' tokens"

# run LABEL PATH TOKENS [PATHS [PAIRED]]: warm-up, then each connection count. PAIRED: the Nth token goes with the
# Nth path (a list and its owner), instead of both cycling on their own.
results=()
run() {
  local label="$1" path="$2" cpu_before cpu_after out requests cpu
  export BENCH_TOKENS="$3" BENCH_PATHS="${4:-}" BENCH_PAIRED="${5:-}"
  echo
  echo "== $label: GET $path$([ -n "${4:-}" ] && echo " (cycling over $(wc -l < "$4") paths)")$([ -z "$3" ] && echo ", anonymous"); warm-up ${BENCH_WARMUP:-20}s"
  local first="$path"
  [ -n "${4:-}" ] && first="$(head -1 "$4")"
  curl -s -o /dev/null -w "one request: HTTP %{http_code}, %{size_download} bytes, %{time_total}s\n" \
    ${3:+-H "Authorization: Bearer $(head -1 "$3")"} "$base$first"
  wrk -t"$threads" -c64 -d"${BENCH_WARMUP:-20}s" -s "$here/timelines.lua" "$base$path" > /dev/null
  for connections in ${BENCH_CONNECTIONS:-64 256}; do
    echo
    echo "$label, $connections connections, $threads wrk threads, ${seconds}s (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
    cpu_before="$(server_cpu_ms)"
    out="$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$here/timelines.lua" "$base$path")"
    cpu_after="$(server_cpu_ms)"
    echo "$out"
    requests="$(awk '/requests in/ { print $1 }' <<<"$out")"
    cpu="$(awk -v c="$((cpu_after - cpu_before))" -v n="$requests" -v s="$seconds" \
      'BEGIN { if (n > 0) printf "server CPU %.2f ms/request, %.2f cores busy", c / n, c / 1000 / s }')"
    echo "$cpu"
    results+=("$(summary "$label, $connections connections" <<<"$out"); $cpu")
  done
}

for scenario in $scenarios; do
  case "$scenario" in
    public) run "public timeline" "/api/v1/timelines/public?limit=20" "$tokens" ;;
    local) run "local timeline" "/api/v1/timelines/public?local=true&limit=20" "$tokens" ;;
    public-anon) run "public timeline, anonymous" "/api/v1/timelines/public?limit=20" "" ;;
    tag)
      for tag in fediverse java photography cats gardening music books climate cycling cooking linux opensource \
          art science running coffee travel birds history movies; do
        echo "/api/v1/timelines/tag/$tag?limit=20"
      done > "$bench_dir/tags.txt"
      run "hashtag timeline" "/api/v1/timelines/tag/fediverse?limit=20" "$tokens" "$bench_dir/tags.txt" ;;
    account)
      python3 "$here/timelines_setup.py" accounts "$base" "$tokens" "${BENCH_ACCOUNT_COUNT:-500}" > "$bench_dir/accounts.txt"
      run "account statuses" "/api/v1/accounts/:id/statuses?limit=20" "$tokens" "$bench_dir/accounts.txt" ;;
    context|context-anon)
      thread_file="$data_dir/bench/context.properties"
      if [ ! -f "$thread_file" ]; then
        echo "creating a thread of 200 replies through the API..."
        python3 "$here/timelines_setup.py" thread "$base" "$tokens" "$thread_file.tmp"
        mv "$thread_file.tmp" "$thread_file"
      fi
      echo "thread: $(tr '\n' ' ' < "$thread_file")"
      root_id="$(sed -n 's/^root_id=//p' "$thread_file")"
      if [ "$scenario" = context ]; then
        run "context of a 200-reply thread" "/api/v1/statuses/$root_id/context" "$tokens"
      else
        run "context of a 200-reply thread, anonymous" "/api/v1/statuses/$root_id/context" ""
      fi ;;
    list)
      if [ ! -f "$data_dir/bench/lists-paths.txt" ]; then
        echo "making ${BENCH_LIST_COUNT:-200} lists through the API..."
        python3 "$here/timelines_setup.py" lists "$base" "$tokens" "${BENCH_LIST_COUNT:-200}" \
          "$data_dir/bench/lists-tokens.txt.tmp" "$data_dir/bench/lists-paths.txt.tmp"
        mv "$data_dir/bench/lists-tokens.txt.tmp" "$data_dir/bench/lists-tokens.txt"
        mv "$data_dir/bench/lists-paths.txt.tmp" "$data_dir/bench/lists-paths.txt"
      fi
      run "list timeline" "/api/v1/timelines/list/:id?limit=20" "$data_dir/bench/lists-tokens.txt" \
        "$data_dir/bench/lists-paths.txt" paired ;;
    *) echo "unknown scenario $scenario (public local public-anon tag account context context-anon list)" >&2; exit 1 ;;
  esac
done
echo
printf '%s\n' "${results[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
