#!/usr/bin/env bash
# Self-test of the Fedify peer without Starling: two peers on loopback (A signs RFC 9421 first, as Fedify does by
# default; B signs draft-cavage first, as Mastodon and Starling do) follow, post, reply, like, announce, edit and
# delete across, through their control APIs. Bounded in time; stops both peers itself; exits non-zero on failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
node="$("$root/scripts/peer/install.sh")"
work="$(mktemp -d "${TMPDIR:-/tmp}/peer-selftest.XXXXXX")"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ "${keep_logs:-0}" == 1 ]]; then echo "peer logs kept in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
port_a="$(free_port)"
port_b="$(free_port)"
while [[ "$port_b" == "$port_a" ]]; do port_b="$(free_port)"; done

# *.localhost does not resolve on this machine (no entry in /etc/hosts, glibc has no special case), so the peers'
# hosts are 127.0.0.1:PORT; the ports make their origins differ.
PEER_PORT="$port_a" PEER_HOST="127.0.0.1:$port_a" \
  timeout 170 "$node" "$root/src/test/peer/peer.mjs" >"$work/a.log" 2>&1 &
pids+=($!)
PEER_PORT="$port_b" PEER_HOST="127.0.0.1:$port_b" PEER_FIRST_KNOCK=draft-cavage-http-signatures-12 \
  timeout 170 "$node" "$root/src/test/peer/peer.mjs" >"$work/b.log" 2>&1 &
pids+=($!)

for port in "$port_a" "$port_b"; do
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$port/_control/health" >/dev/null 2>&1 && break
    sleep 0.1
  done
done

status=0
timeout 150 "$node" "$root/src/test/peer/selftest.mjs" "http://127.0.0.1:$port_a" "http://127.0.0.1:$port_b" || status=$?

echo "--- peer A log"; cat "$work/a.log"
echo "--- peer B log"; cat "$work/b.log"
[[ "$status" == 0 ]] || keep_logs=1
exit "$status"
