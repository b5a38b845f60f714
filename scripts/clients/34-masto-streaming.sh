#!/usr/bin/env bash
# masto.js (npm "masto" 8.0.0): the streaming API over a WebSocket (masto-streaming.mjs).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ ! -x "$here/node_modules/.bin/node" ] || [ ! -d "$here/node_modules/masto" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
exec "$here/node_modules/.bin/node" "$here/masto-streaming.mjs"
