#!/usr/bin/env bash
# Runs one Fedify peer in the foreground: scripts/peer/run.sh [--port N] [--host HOST:PORT] [--user NAME]
# (environment: PEER_PORT, PEER_HOST, PEER_USER, PEER_FIRST_KNOCK, ... see scripts/peer/README.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
node="$("$root/scripts/peer/install.sh")"
exec "$node" "$root/src/test/peer/peer.mjs" "$@"
