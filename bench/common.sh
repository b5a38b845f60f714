#!/usr/bin/env bash
# Shared by the bench scripts: start a throw-away Starling on a free port (SQLite under a temp dir unless
# STARLING_DATABASE_URL is set), wait until it is ready, and stop it on exit.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${STARLING_JAR:-$root/target/starling.jar}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -f "$jar" ] || { echo "no jar at $jar: run ./mvnw -DskipTests package first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }

bench_dir="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export STARLING_PORT="$port" STARLING_DATA_DIR="$bench_dir/data" STARLING_DOMAIN="localhost:$port"
export STARLING_MAX_IN_FLIGHT="${STARLING_MAX_IN_FLIGHT:-4096}"
base="http://127.0.0.1:$port"
jvm=(--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xss512k -Xmx${BENCH_HEAP:-2g})

run_cli() { "$java" "${jvm[@]}" -jar "$jar" "$@"; }

start_server() {
  "$java" "${jvm[@]}" -jar "$jar" > "$bench_dir/server.out" 2> "$bench_dir/server.err" &
  server_pid=$!
  trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null; rm -rf "$bench_dir"' EXIT
  for _ in $(seq 1 240); do
    curl -sf "$base/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$bench_dir/server.err" >&2; exit 1; }
    sleep 0.25
  done
  echo "server did not become ready" >&2
  exit 1
}

# token USER PASSWORD -> prints an access token (registers an app, password grant).
token() {
  local app id secret
  app="$(curl -sf -X POST "$base/api/v1/apps" -d client_name=bench -d redirect_uris=urn:ietf:wg:oauth:2.0:oob \
    -d 'scopes=read write follow')"
  id="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["client_id"])' <<<"$app")"
  secret="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["client_secret"])' <<<"$app")"
  curl -sf -X POST "$base/oauth/token" -d grant_type=password -d "client_id=$id" -d "client_secret=$secret" \
    -d "username=$1" -d "password=$2" -d 'scope=read write follow' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
