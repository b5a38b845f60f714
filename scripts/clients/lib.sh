#!/usr/bin/env bash
# Helpers for the client scripts: plain HTTP calls for setting things up around a client (curl + python3).
base="${STARLING_CLIENT_BASE:?}"

json_get() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print(d$1)"; }

# token NAME -> an access token for NAME (password "<name> password 123"), through a fresh app.
token() {
  local app id secret
  app="$(curl -sf -X POST "$base/api/v1/apps" -d client_name=setup -d redirect_uris=urn:ietf:wg:oauth:2.0:oob \
    -d 'scopes=read write follow')"
  id="$(json_get '["client_id"]' <<<"$app")"
  secret="$(json_get '["client_secret"]' <<<"$app")"
  curl -sf -X POST "$base/oauth/token" -d grant_type=password -d "client_id=$id" -d "client_secret=$secret" \
    -d "username=$1@example.test" -d "password=$1 password 123" -d 'scope=read write follow' \
    | json_get '["access_token"]'
}

# api TOKEN METHOD PATH [curl args...] -> the response body; fails on an HTTP error.
api() {
  local tok="$1" method="$2" path="$3"
  shift 3
  curl -sf -X "$method" -H "Authorization: Bearer $tok" "$base$path" "$@"
}
