#!/usr/bin/env bash
# The cost of an authenticated request: GET /api/v1/accounts/verify_credentials under load.
# Usage: bench/verify_credentials.sh [connections=64] [seconds=20]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
connections="${1:-64}"
seconds="${2:-20}"
start_server
run_cli admin create-account --username benchuser --email bench@example.test --password 'bench password 123' >/dev/null
tok="$(token bench@example.test 'bench password 123')"
echo "warm-up..."
wrk -t2 -c"$connections" -d5s -H "Authorization: Bearer $tok" "$base/api/v1/accounts/verify_credentials" >/dev/null
echo "GET /api/v1/accounts/verify_credentials, $connections connections, ${seconds}s:"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $tok" \
  "$base/api/v1/accounts/verify_credentials"
