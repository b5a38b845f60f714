#!/usr/bin/env bash
# Tries Starling with real Mastodon clients from Debian, as a new user would: starts a server on a free port with
# a fresh SQLite file, creates two accounts from the command line, then drives it with `toot` (CLI) and
# Mastodon.py (python3-mastodon). Prints what the clients printed; exits non-zero if any step fails.
# Usage: scripts/clients/run.sh [path/to/starling.jar]   (default: target/starling.jar; build it first)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${1:-$root/target/starling.jar}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -f "$jar" ] || { echo "no jar at $jar (run ./mvnw -DskipTests package)" >&2; exit 1; }
command -v toot >/dev/null || { echo "toot is not installed (apt-get install toot)" >&2; exit 1; }
/usr/bin/python3 -c 'import mastodon' 2>/dev/null || { echo "python3-mastodon is not installed" >&2; exit 1; }

work="$(mktemp -d)"
port="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export STARLING_PORT="$port" STARLING_DATA_DIR="$work/data" STARLING_DOMAIN="localhost:$port"
export STARLING_JOBS_POLL_MILLIS=200
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

run_java() { "$java" --enable-native-access=ALL-UNNAMED -jar "$jar" "$@"; }

"$java" --enable-native-access=ALL-UNNAMED -jar "$jar" > "$work/server.out" 2> "$work/server.err" &
server_pid=$!
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$port/readyz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err" >&2; exit 1; }
  sleep 0.25
done
curl -sf "http://localhost:$port/readyz" >/dev/null || { echo "server did not become ready" >&2; exit 1; }
echo "== Starling on http://localhost:$port"

# Three accounts per client: the second posts, the first interacts with it, the third is locked.
# Names from jack on are spare accounts for later scripts (see each script header for which it uses).
for name in alice bob carol dave erin frank gina hugo ivy jack kate liam mona nick olga paul quin rosa sam tina uma vic wes nora otto xena yuri zack abby pia ray lea max; do
  run_java admin create-account --username "$name" --email "$name@example.test" --password "$name password 123" >/dev/null
done
run_java admin set-role --username ray --role admin >/dev/null  # the moderator of 36-masto-admin.sh

export STARLING_CLIENT_BASE="http://localhost:$port"
export HOME="$work/home"; mkdir -p "$HOME"
status=0
# STARLING_CLIENTS_ONLY (a glob such as "*media*") runs only the numbered scripts matching it.
for step in "$root"/scripts/clients/[0-9]${STARLING_CLIENTS_ONLY:-*}; do
  echo
  echo "== $(basename "$step")"
  if ! "$step"; then
    echo "FAILED: $(basename "$step")" >&2
    status=1
  fi
done
exit $status
