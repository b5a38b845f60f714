#!/usr/bin/env bash
# Installs s3rver (an S3-compatible server on the local disk, for the S3MediaStore tests) from package-lock.json into
# scripts/s3/node_modules, idempotently: skipped when the lock file has not changed since the last install.
# Runs on the machine's Node (s3rver 3.7.1 needs Node 8.3 or later). Prints the path of s3rver's script on its last
# line; run it as `node PATH -d DIR -a 127.0.0.1 -p 0 --configure-bucket BUCKET`.
set -euo pipefail

dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
script="$dir/node_modules/s3rver/bin/s3rver.js"

command -v npm >/dev/null 2>&1 || { echo "s3 install: npm is missing (apt-get install npm)" >&2; exit 1; }

# one install at a time (parallel test forks or a second ./test may call this)
exec 9>"$dir/.install.lock"
flock 9

stamp="$dir/node_modules/.starling-s3-lock.sha256"
want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
if [[ ! -f "$script" || "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]]; then
  echo "s3 install: npm ci in $dir" >&2
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
  echo "$want" >"$stamp"
fi

echo "$script"
