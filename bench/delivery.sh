#!/usr/bin/env bash
# Delivery fan-out: one post by one local author whose followers are on BENCH_HOSTS (500) fake remote hosts on
# loopback (one port each; 1 % refuse connections, 1 % accept and never answer); the time from the POST until every
# healthy host has received the Create, BENCH_RUNS (5) times. Runs in the test JVM against the real App (SQLite, or
# PostgreSQL with STARLING_TEST_DB=postgres): social.starling.federation.delivery.DeliveryBench, which is named
# so that the test suite never runs it. No jar or wrk needed.
# Usage: bench/delivery.sh      BENCH_HOSTS=500 BENCH_RUNS=5
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
cd "$root"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
skip_pg=true
[ "${STARLING_TEST_DB:-}" = postgres ] && skip_pg=false
./mvnw -B -ntp -o -q -Dstarling.skipPostgres="$skip_pg" -Dtest=DeliveryBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.hosts="${BENCH_HOSTS:-500}" -Dbench.runs="${BENCH_RUNS:-5}" test > /dev/null || true
grep -hE '^(run [0-9]|[0-9]+ hosts:)' target/surefire-reports/*/social.starling.federation.delivery.DeliveryBench-output.txt
