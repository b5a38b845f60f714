#!/usr/bin/python3
"""Mastodon.py (Debian's python3-mastodon) on the points where Starling matched Mastodon's documented behaviour
late (issue 9): vic boosts wes's post and deletes the boost with status_delete; vic votes [2, 0] in wes's poll and
reads own_votes back in that order; status_source of a visible post; instance() without an empty contact address
and a v2 thumbnail with a blurhash; a scheduled post without a visibility shows the effective one; allowed_mentions
refuses an unexpected mention (422 with unexpected_accounts); Mastodon.py's lang= option localises a validation
error. Accounts: vic, wes."""
import datetime

from mastodon import MastodonAPIError, MastodonNotFoundError

from clientlib import login, check, request as raw


vic, wes = login("vic"), login("wes")
wes_account = wes.account_verify_credentials()

# Deleting one's own boost undoes it.
post = wes.status_post("A post to boost and unboost, from wes", visibility="public")
boost = vic.status_reblog(post["id"])
print("vic> status_reblog:", boost["id"], "of", boost["reblog"]["id"])
deleted = vic.status_delete(boost["id"])
print("vic> status_delete(own boost):", deleted["id"], "reblog of", (deleted.get("reblog") or {}).get("id"))
check(deleted["id"] == boost["id"], "status_delete should answer the deleted boost")
after = vic.status(post["id"])
print("vic> status(original): reblogged =", after["reblogged"], "reblogs_count =", after["reblogs_count"])
check(not after["reblogged"] and after["reblogs_count"] == 0, "the boost should be undone")
try:
    vic.status(boost["id"])
    check(False, "the boost should be gone")
except MastodonNotFoundError:
    print("vic> status(boost): 404, gone")

# Poll votes come back in the order they were cast.
poll_post = wes.status_post("Pick some", poll=wes.make_poll(["a", "b", "c"], expires_in=600, multiple=True))
vic.poll_vote(poll_post["poll"]["id"], [2, 0])  # Mastodon.py 1.8 returns nothing here
voted = vic.poll(poll_post["poll"]["id"])
print("vic> poll_vote([2, 0]), then poll(): own_votes =", voted["own_votes"])
check(list(voted["own_votes"]) == [2, 0], "own_votes should be [2, 0]")

# Source of a post the caller may see.
source = vic.status_source(post["id"])
print("vic> status_source(wes's post):", source["text"])
check(source["text"] == "A post to boost and unboost, from wes", "status_source should give the text as typed")

# Instance: no "" contact address; a blurhash for the thumbnail.
instance = vic.instance()
print("vic> instance(): email =", repr(instance.get("email")), "thumbnail =", instance.get("thumbnail"))
check(instance.get("email") is None or "@" in instance["email"], "email should be absent or an address")
v2 = raw(vic, "GET", "/api/v2/instance")
print("vic> GET /api/v2/instance: thumbnail.blurhash =", v2["thumbnail"]["blurhash"],
      "contact =", sorted(v2["contact"].keys()))
check(isinstance(v2["thumbnail"]["blurhash"], str) and v2["thumbnail"]["blurhash"], "blurhash should be a string")
check(v2["contact"].get("email", "x") != "", "contact.email should never be empty")
try:
    raw(vic, "GET", "/api/v1/instance/domain_blocks")
    check(False, "domain blocks should be hidden by default")
except MastodonNotFoundError:
    print("vic> GET /api/v1/instance/domain_blocks: 404 (hidden by default)")

# A scheduled post without a visibility shows the effective one.
later = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=2)
scheduled = vic.status_post("Later, from vic", scheduled_at=later)
print("vic> status_post(scheduled_at): params.visibility =", scheduled["params"]["visibility"])
check(scheduled["params"]["visibility"] in ("public", "unlisted", "private", "direct"),
      "params.visibility should be the effective visibility")
listed = vic.scheduled_statuses()
check(all(s["params"]["visibility"] is not None for s in listed), "scheduled_statuses() visibility never null")
vic.scheduled_status_delete(scheduled["id"])

# allowed_mentions: a post naming someone not listed is refused.
try:
    raw(vic, "POST", "/api/v1/statuses", {"status": "hello @wes", "allowed_mentions[]": ["0"]})
    check(False, "a post with an unexpected mention should be refused")
except MastodonAPIError as e:
    print("vic> POST /api/v1/statuses with allowed_mentions:", e.args[1], e.args[3])
    check(e.args[1] == 422 and "unexpected accounts" in str(e.args[3]), "should be 422 unexpected accounts")
ok = raw(vic, "POST", "/api/v1/statuses", {"status": "hello @wes", "allowed_mentions[]": [str(wes_account["id"])]})
check([m["acct"] for m in ok["mentions"]] == ["wes"], "an allowed mention should post")
print("vic> POST /api/v1/statuses with wes allowed: posted", ok["id"])

# Mastodon.py's lang= option: validation errors in German.
vic_de = login("vic", lang="de")
try:
    vic_de.status_post("")
    check(False, "an empty status should be refused")
except MastodonAPIError as e:
    print("vic (lang=de)> status_post(''):", e.args[1], e.args[3])
    check(e.args[3] == "Gültigkeitsprüfung ist fehlgeschlagen: Text muss ausgefüllt werden",
          "the error should be in German")
