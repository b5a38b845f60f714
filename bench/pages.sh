#!/usr/bin/env bash
# Server-rendered pages: the public profile of a member with 50 posts (20 shown), one post page, the hashtag page,
# the front door, and the web client's home for a signed-in member. For each: the latency at 1 connection (about
# the server time of one page) and the rate at 16 connections, with the server's CPU per page.
# Usage: bench/pages.sh [seconds=15]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
seconds="${1:-15}"
machine
start_server
password='bench password 123'
run_cli admin create-account --username pagebench --email pages@example.test --password "$password" >/dev/null
tok="$(token pages@example.test "$password")"
echo "posting 50 public posts..."
first=""
for i in $(seq 1 50); do
  id="$(curl -sf -X POST "$base/api/v1/statuses" -H "Authorization: Bearer $tok" \
    --data-urlencode "status=Post number $i of the page bench, with a #pagebench tag and a https://example.test/$i link" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
  [ -n "$first" ] || first="$id"
done

# The web client needs a session: sign in through the form like a browser (cookie jar + CSRF token).
jar_file="$bench_dir/cookies.txt"
csrf="$(curl -sf -c "$jar_file" -b "$jar_file" "$base/auth/sign_in" \
  | sed -n 's/.*name="authenticity_token" value="\([^"]*\)".*/\1/p' | head -1)"
curl -sf -o /dev/null -c "$jar_file" -b "$jar_file" -X POST "$base/auth/sign_in" \
  --data-urlencode "authenticity_token=$csrf" --data-urlencode "user[email]=pages@example.test" \
  --data-urlencode "user[password]=$password"
session="$(awk '$6 == "_starling_session" { print $7 }' "$jar_file")"
[ -n "$session" ] || { echo "could not sign in" >&2; exit 1; }

measure() { # LABEL PATH [extra wrk args...]
  local label="$1" path="$2"; shift 2
  wrk -t1 -c4 -d3s "$@" "$base$path" >/dev/null   # warm-up
  local before after out
  wrk -t1 -c1 -d"${seconds}s" --latency "$@" "$base$path" | summary "$label, 1 connection"
  before="$(server_cpu_ms)"
  out="$(wrk -t2 -c16 -d"${seconds}s" --latency "$@" "$base$path")"
  after="$(server_cpu_ms)"
  echo "$(summary "$label, 16 connections" <<<"$out")$(awk -v cpu="$((after - before))" '/requests in/ { n = $1 }
        END { if (n > 0) printf "; server CPU %.2f ms/request", cpu / n }' <<<"$out")"
}

echo "pages, ${seconds}s each:"
measure "GET /@pagebench (profile, 50 posts, 20 shown)" "/@pagebench" -H "Accept: text/html"
measure "GET /@pagebench/:id (post page)" "/@pagebench/$first" -H "Accept: text/html"
measure "GET /tags/pagebench" "/tags/pagebench"
measure "GET / (front door)" "/"
measure "GET /web/home (web client, signed in)" "/web/home" -H "Cookie: _starling_session=$session"
