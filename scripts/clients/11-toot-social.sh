#!/usr/bin/env bash
# toot (Debian) as two people: bob posts; alice follows bob and a locked account (carol, who accepts), replies,
# boosts and favourites bob's post, reads her home timeline; bob reads his notifications.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
instance="${base#http://}"
export HOME="$HOME/toot-social"; mkdir -p "$HOME"
for name in alice bob; do
  echo "$name password 123" | toot login_cli --instance "$instance" --email "$name@example.test" --disable-https --quiet
done
carol_token="$(token carol)"
api "$carol_token" PATCH /api/v1/accounts/update_credentials -d locked=true >/dev/null

as() { local who="$1"; shift; toot "$@" -u "$who@$instance"; }

out="$(as bob post 'Hello fediverse, this is bob posting with toot #starling')"
echo "bob> toot post: $out"
status_id="$(grep -oE '[0-9]{15,}' <<<"$out" | tail -1)"
[ -n "$status_id" ] || { echo "no status id in toot's output" >&2; exit 1; }

echo "alice> toot follow bob: $(as alice follow bob)"
echo "alice> toot follow carol: $(as alice follow carol)"
request="$(api "$carol_token" GET /api/v1/follow_requests)"
alice_id="$(json_get '[0]["id"]' <<<"$request")"
api "$carol_token" POST "/api/v1/follow_requests/$alice_id/authorize" >/dev/null
echo "carol accepted alice's follow request"
echo "alice> toot favourite: $(as alice favourite "$status_id")"
echo "alice> toot reblog: $(as alice reblog "$status_id")"
echo "alice> toot post --reply-to: $(as alice post --reply-to "$status_id" '@bob welcome, from alice')"

home="$(as alice timeline --once --count 10 --no-color)"
echo "alice> toot timeline:"; echo "$home" | head -30
grep -q 'Hello fediverse, this is bob' <<<"$home" || { echo "bob's post is not in alice's home timeline" >&2; exit 1; }

# The mention is notified by the reply's distribution job, after the POST has answered (as on Mastodon): bob
# looks again for up to 15 s, as a person refreshing would.
kinds=('follows you' 'favourited' 'reblogged' 'mentioned')
for attempt in $(seq 1 15); do
  notes="$(as bob notifications --no-color)"
  missing=""
  for kind in "${kinds[@]}"; do grep -qi "$kind" <<<"$notes" || missing="$kind"; done
  [ -z "$missing" ] && break
  sleep 1
done
echo "bob> toot notifications (attempt $attempt):"; echo "$notes" | head -30
[ -z "$missing" ] || { echo "bob's notifications lack: $missing" >&2; exit 1; }
following="$(as alice following alice --no-color)"
grep -q carol <<<"$following" || { echo "alice does not follow carol after she accepted" >&2; exit 1; }
echo "alice> toot following alice: $(tr '\n' ' ' <<<"$following")"
