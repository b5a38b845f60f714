#!/usr/bin/env bash
# Signed inbox ingest: pre-signed Create(Note)s from fake remote actors (served on loopback by the bench process)
# POSTed to the shared inbox; the accepted rate with synchronous signature verification, the latencies, and the
# time until the ingress lane has processed them all (`starling bench inbox`).
# Usage: bench/inbox.sh [activities=10000] [concurrency=64]
#   BENCH_ACTORS=20
#   BENCH_ACCEPT_ONLY=1: the server runs no jobs; measures the synchronous part alone (verify, dedupe, queue)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
activities="${1:-10000}"
concurrency="${2:-64}"
export STARLING_FEDERATION_ALLOW_PRIVATE=127.0.0.0/8
extra=()
if [ "${BENCH_ACCEPT_ONLY:-0}" = 1 ]; then
  export STARLING_JOBS_ENABLED=false
  extra=(--accept-only)
fi
# Signatures cover the Host the sender used: the server must be the host it is reached at.
export STARLING_DOMAIN="127.0.0.1:$port"
machine
start_server
run_cli admin create-account --username benchuser --email bench@example.test --password 'bench password 123' >/dev/null
STARLING_LOG_LEVEL=WARN run_cli bench inbox --url "$base" --mention benchuser --actors "${BENCH_ACTORS:-20}" \
  --activities "$activities" --concurrency "$concurrency" "${extra[@]}"
echo "server CPU: $(server_cpu_ms) ms in total; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
