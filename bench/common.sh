#!/usr/bin/env bash
# Shared by the bench scripts: start a throw-away Starling on a free port (SQLite under a temp dir unless
# STARLING_DATABASE_URL is set), wait until it is ready, and stop it on exit.
# Settings (environment):
#   BENCH_DATA_DIR   use (and keep) this data directory instead of a temporary one, e.g. a seeded one
#   BENCH_HEAP       the server's -Xmx (default 2g)
#   BENCH_JFR        record a Java Flight Recording of the server into this file (profile settings, Java and
#                    native stacks sampled every 10 ms); summarise it with bench/jfr_summary.py
#   BENCH_JFR_CPU=1  with BENCH_JFR: sample by CPU time instead (JDK 25's jdk.CPUTimeSample, Linux: every thread
#                    every 2 ms of CPU it uses, in Java, in native code and in the kernel alike), which the
#                    execution samples are not: they sample threads in SQLite's C code whether they run or wait
#   BENCH_JAVA_OPTS  more JVM options for the server, e.g. "-XX:+UseParallelGC"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${STARLING_JAR:-$root/target/starling.jar}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -f "$jar" ] || { echo "no jar at $jar: run ./mvnw -DskipTests package first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }

bench_dir="$(mktemp -d)"
trap 'rm -rf "$bench_dir"' EXIT
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
data_dir="${BENCH_DATA_DIR:-$bench_dir/data}"
mkdir -p "$data_dir"
data_dir="$(cd "$data_dir" && pwd)"
# A fixed domain: a seeded data directory is reused on other ports (Starling names its instance actor after the
# domain and cannot start on a database made under another one).
export STARLING_PORT="$port" STARLING_DATA_DIR="$data_dir" STARLING_DOMAIN="${BENCH_DOMAIN:-bench.test}"
export STARLING_MAX_IN_FLIGHT="${STARLING_MAX_IN_FLIGHT:-4096}"
# A benchmark is one client making thousands of requests a second: Mastodon's per-token limits would answer 429.
export STARLING_API_RATE_LIMIT="${STARLING_API_RATE_LIMIT:-0}" STARLING_API_RATE_LIMIT_ANONYMOUS="${STARLING_API_RATE_LIMIT_ANONYMOUS:-0}"
base="http://127.0.0.1:$port"
jvm=(--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xss512k -Xmx${BENCH_HEAP:-2g}
     -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true)
# shellcheck disable=SC2206
[ -n "${BENCH_JAVA_OPTS:-}" ] && jvm+=(${BENCH_JAVA_OPTS})

run_cli() { "$java" "${jvm[@]}" -jar "$jar" "$@"; }

start_server() {
  local server_jvm=("${jvm[@]}")
  if [ -n "${BENCH_JFR:-}" ]; then
    if [ "${BENCH_JFR_CPU:-}" = 1 ]; then
      "$(dirname "$java")/jfr" configure --input profile 'jdk.CPUTimeSample#enabled=true' \
        'jdk.CPUTimeSample#throttle=2ms' 'jdk.ExecutionSample#enabled=false' \
        'jdk.NativeMethodSample#enabled=false' --output "$bench_dir/bench.jfc" > /dev/null
    else
      # Java and native (SQLite) stacks sampled at the same rate, so their counts compare.
      "$(dirname "$java")/jfr" configure --input profile 'jdk.ExecutionSample#period=10ms' \
        'jdk.NativeMethodSample#period=10ms' --output "$bench_dir/bench.jfc" > /dev/null
    fi
    server_jvm+=("-XX:StartFlightRecording=filename=${BENCH_JFR},settings=$bench_dir/bench.jfc")
  fi
  "$java" "${server_jvm[@]}" -jar "$jar" > "$bench_dir/server.out" 2> "$bench_dir/server.err" &
  server_pid=$!
  trap 'stop_server; rm -rf "$bench_dir"' EXIT
  for _ in $(seq 1 240); do
    curl -sf "$base/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$bench_dir/server.err" >&2; exit 1; }
    sleep 0.25
  done
  echo "server did not become ready" >&2
  exit 1
}

# Stops the server (gracefully: a flight recording is written on exit).
stop_server() {
  if [ -n "${server_pid:-}" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}

# The machine the figures come from, for the record.
machine() {
  echo "machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), \
$(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $("$java" -version 2>&1 | head -1), \
$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2); load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -n "${STARLING_DATABASE_URL:-}" ]; then
    echo "database: PostgreSQL (${STARLING_DATABASE_URL%%\?*})"
  else
    echo "database: SQLite ($data_dir/starling.db)"
  fi
}

# Seeds the data directory (and the database) unless a seed is there already (bench/tokens.txt).
# BENCH_ACCOUNTS (10000) and BENCH_STATUSES (1000000) set the size.
ensure_seeded() {
  if [ -f "$data_dir/bench/tokens.txt" ]; then
    echo "using the seed in $data_dir: $(grep -v '^password=' "$data_dir/bench/seed.properties" | tr '\n' ' ')"
    return 0
  fi
  echo "seeding $data_dir (${BENCH_ACCOUNTS:-10000} accounts, ${BENCH_STATUSES:-1000000} statuses)..."
  STARLING_LOG_LEVEL=WARN run_cli bench seed --accounts "${BENCH_ACCOUNTS:-10000}" \
    --statuses "${BENCH_STATUSES:-1000000}" ${BENCH_SEED_OPTS:-}
}

# Fails unless the first seeded token works against the running server (a data directory reused with another
# database would not).
check_token() {
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(head -1 "$data_dir/bench/tokens.txt")" \
    "$base/api/v1/accounts/verify_credentials")"
  [ "$code" = 200 ] || { echo "the seeded token is refused ($code): is this the database that was seeded?" >&2; exit 1; }
}

# CPU time (user + system) the server process has used so far, in milliseconds.
server_cpu_ms() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%d\n", ($14 + $15) * 1000 / hz }' "/proc/$server_pid/stat"
}

# summary LABEL < wrk --latency output: one line with req/s and latency percentiles.
summary() {
  awk -v label="$1" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +75%/ { p75 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
    /Non-2xx/ { bad = $NF }
    /Socket errors/ { errors = $0 }
    END { printf "%s: %s req/s, p50 %s, p75 %s, p90 %s, p99 %s%s%s\n", label, rps, p50, p75, p90, p99,
          bad ? ", non-2xx: " bad : "", errors ? " (" errors ")" : "" }'
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
