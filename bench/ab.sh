#!/usr/bin/env bash
# A/B in one run: the same bench scenario against two builds, alternately (A B A B ...), so a claimed gain is
# measured side by side on the same machine in the same minutes, not across runs. Prints each run's summary lines
# and, per summary label, the median req/s and server CPU per request of A and of B and their ratio B/A.
#
# Usage: bench/ab.sh A B [rounds=3] -- SCENARIO [ARGS...]
#   A and B are jar files, or git revisions (anything `git rev-parse` takes: a commit, a branch, HEAD~1), which are
#   built once each into a cache under ${BENCH_AB_CACHE:-/tmp/starling-ab} with `./mvnw -DskipTests package`.
#   SCENARIO is one of the bench scripts, e.g. bench/home_timeline.sh /tmp/seed   or   bench/pages.sh 10
#   In SCENARIO's arguments @SIDE@ becomes A or B (@side@: a or b): builds whose migrations differ need a database
#   each (Flyway refuses to start on one migrated past the build), e.g. /tmp/seed-@SIDE@ for copies of one seed, or
#   env STARLING_DATABASE_URL='...&currentSchema=bench_@side@' bench/home_timeline.sh /tmp/seed-pg (PostgreSQL
#   folds unquoted names to lower case).
# Example: bench/ab.sh main HEAD 3 -- bench/home_timeline.sh /tmp/seed
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 4 ] || { sed -n 2,16p "$0" >&2; exit 2; }
a="$1"; b="$2"; shift 2
rounds=3
if [ "$1" != "--" ]; then rounds="$1"; shift; fi
[ "$1" = "--" ] || { echo "expected -- before the scenario" >&2; exit 2; }
shift
cache="${BENCH_AB_CACHE:-/tmp/starling-ab}"
mkdir -p "$cache"

# jar_for REF: a jar file as given, or the jar built from that git revision (cached by commit id).
jar_for() {
  if [ -f "$1" ]; then
    (cd "$(dirname "$1")" && echo "$(pwd)/$(basename "$1")")
    return
  fi
  local commit dir
  commit="$(git -C "$root" rev-parse --verify "$1^{commit}")"
  if [ ! -f "$cache/$commit.jar" ]; then
    dir="$cache/src-$commit"
    rm -rf "$dir"
    git -C "$root" worktree add --detach -q "$dir" "$commit"
    echo "building $1 ($commit)..." >&2
    (cd "$dir" && ./mvnw -B -ntp -q -DskipTests package >&2)
    cp "$dir/target/starling.jar" "$cache/$commit.jar"
    git -C "$root" worktree remove --force "$dir"
  fi
  echo "$cache/$commit.jar"
}

jar_a="$(jar_for "$a")"
jar_b="$(jar_for "$b")"
results="$(mktemp)"
trap 'rm -f "$results"' EXIT
for round in $(seq 1 "$rounds"); do
  for side in A B; do
    jar="$jar_a"; [ "$side" = B ] && jar="$jar_b"
    echo "== round $round, $side ($jar)"
    # Summary lines look like "LABEL: 1234.5 req/s, p50 ..., p99 ...; server CPU 0.70 ms/request ..."
    args=("${@//@SIDE@/$side}")
    args=("${args[@]//@side@/${side,,}}")
    STARLING_JAR="$jar" "${args[@]}" 2>&1 | tee >(cat >&2) | grep -E ': [0-9.]+ req/s' | sed "s/^/$side	/" >> "$results" || true
  done
done

echo
echo "A = $a ($jar_a)"
echo "B = $b ($jar_b)"
python3 - "$results" <<'PY'
import re, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    side, text = line.rstrip("\n").split("\t", 1)
    label, rest = text.split(": ", 1)
    rate = float(re.match(r"([0-9.]+) req/s", rest).group(1))
    cpu = re.search(r"server CPU ([0-9.]+) ms", rest)
    runs.setdefault(label, {"A": [], "B": []})[side].append((rate, float(cpu.group(1)) if cpu else None))
for label, sides in runs.items():
    def med(values):
        values = [v for v in values if v is not None]
        return statistics.median(values) if values else None
    ra, rb = med([r for r, _ in sides["A"]]), med([r for r, _ in sides["B"]])
    ca, cb = med([c for _, c in sides["A"]]), med([c for _, c in sides["B"]])
    line = f"{label}: A {ra:,.0f} req/s, B {rb:,.0f} req/s, B/A {rb / ra:.2f}" if ra and rb else f"{label}: incomplete"
    if ca and cb:
        line += f"; server CPU A {ca:.2f} ms, B {cb:.2f} ms per request, B/A {cb / ca:.2f}"
    print(line + f"  (medians of {len(sides['A'])} and {len(sides['B'])} runs)")
PY
