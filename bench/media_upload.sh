#!/usr/bin/env bash
# Uploads under load: BENCH_CLIENTS (8) clients each POST /api/v2/media BENCH_ROUNDS (5) times with a ~10 MB
# JPEG (3840x2880, noisy: made with ffmpeg), at once, against a fresh server with a small heap (BENCH_HEAP, 512m
# here by default, to show files are not held in it). Samples the server's RSS and used heap every 0.5 s and
# prints the peaks, the uploads per second and the status codes. Needs ffmpeg (the image) and curl.
# Usage: bench/media_upload.sh     BENCH_CLIENTS=8 BENCH_ROUNDS=5 BENCH_HEAP=512m
export BENCH_HEAP="${BENCH_HEAP:-512m}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
clients="${BENCH_CLIENTS:-8}"
rounds="${BENCH_ROUNDS:-5}"
image="$bench_dir/big.jpg"
ffmpeg -v error -y -f lavfi -i "testsrc2=size=3840x2880:rate=1,noise=alls=60:allf=t" -frames:v 1 -q:v 1 "$image"

machine
start_server
STARLING_LOG_LEVEL=WARN run_cli admin create-account --username uploader --email uploader@bench.test \
  --password "uploader password 123" > /dev/null
tok="$(token uploader "uploader password 123")"
echo "image: $(stat -c %s "$image") bytes; $clients clients x $rounds uploads; server heap -Xmx$BENCH_HEAP"

peaks="$bench_dir/peaks"
( max_rss=0; max_heap=0
  while kill -0 "$server_pid" 2>/dev/null; do
    rss="$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status" 2>/dev/null || echo 0)"
    heap="$("$(dirname "$java")/jcmd" "$server_pid" GC.heap_info 2>/dev/null \
      | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1)"
    [ "${rss:-0}" -gt "$max_rss" ] && max_rss="$rss"
    [ "${heap:-0}" -gt "$max_heap" ] && max_heap="$heap"
    echo "$max_rss $max_heap" > "$peaks"
    sleep 0.5
  done ) &
sampler=$!

idle_rss="$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")"
start="$(date +%s.%N)"
uploaders=()
for c in $(seq 1 "$clients"); do
  ( for r in $(seq 1 "$rounds"); do
      curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $tok" \
        -F "file=@$image;type=image/jpeg" "$base/api/v2/media"
    done ) > "$bench_dir/codes.$c" &
  uploaders+=($!)
done
wait "${uploaders[@]}"

end="$(date +%s.%N)"
sleep 1
kill "$sampler" 2>/dev/null || true
read -r max_rss max_heap < "$peaks"
total=$((clients * rounds))
echo "status codes: $(cat "$bench_dir"/codes.* | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"
awk -v n="$total" -v s="$start" -v e="$end" -v idle="$idle_rss" -v rss="$max_rss" -v heap="$max_heap" 'BEGIN {
  printf "uploads: %d in %.1f s (%.2f/s); server RSS idle %d MB, peak %d MB; peak used heap %d MB\n",
    n, e - s, n / (e - s), idle / 1024, rss / 1024, heap / 1024 }'
