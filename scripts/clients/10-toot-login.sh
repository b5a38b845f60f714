#!/usr/bin/env bash
# toot (Debian): log in with the password grant over plain HTTP, then ask who we are.
set -euo pipefail
instance="${STARLING_CLIENT_BASE#http://}"
echo 'alice password 123' | toot login_cli --instance "$instance" --email alice@example.test --disable-https
out="$(toot whoami)"
echo "$out"
grep -q '@alice' <<<"$out" || { echo "toot whoami did not show @alice" >&2; exit 1; }
