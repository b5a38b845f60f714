#!/usr/bin/env bash
# Streaming: N WebSockets (default 2,000; half on `user`, half on `public:local`) for one account, then posts;
# for each post, the time from the POST until each socket has its `update` (p50, p99, last), and the server's RSS
# per idle socket. Usage: bench/streaming.sh [sockets=2000] [posts=5]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
sockets="${1:-2000}"
posts="${2:-5}"
export STARLING_STREAMING_MAX_PER_TOKEN=100000 STARLING_JOBS_POLL_MILLIS=100
start_server
machine
run_cli admin create-account --username benchuser --email bench@example.test --password 'bench password 123' >/dev/null
tok="$(token bench@example.test 'bench password 123')"
"$java" -Xss512k "$root/bench/streaming/StreamingBench.java" "$base" "$tok" "$sockets" "$server_pid" "$posts"
