#!/usr/bin/env bash
# masto.js (npm "masto", on Node 22 from npm): the admin reports and domain blocks APIs as an admin (ray) on a report by lea about max.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ ! -x "$here/node_modules/.bin/node" ] || [ ! -d "$here/node_modules/masto" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
exec "$here/node_modules/.bin/node" "$here/masto-admin-queue.mjs"
