#!/usr/bin/python3
"""Mastodon.py (Debian's python3-mastodon) and the account actions: jack keeps a private note about kate,
endorses liam (account_pin), features hashtags, reads featured-tag suggestions and removes kate from his
followers; kate reads jack's featured tags and her follow suggestions (liam, a friend of a friend) and dismisses
one. Uses jack, kate and liam."""
import time

from mastodon import MastodonAPIError

from clientlib import login, check


jack, kate, liam = login("jack"), login("kate"), login("liam")
jack_id = jack.account_verify_credentials()["id"]
kate_id = kate.account_verify_credentials()["id"]
liam_id = liam.account_verify_credentials()["id"]

rel = jack.account_note_set(kate_id, "Kate: met at the py meetup")
print("jack> account_note_set(kate):", repr(rel["note"]))
check(rel["note"] == "Kate: met at the py meetup", "the note should come back in the relationship")
check(jack.account_relationships(kate_id)[0]["note"] == "Kate: met at the py meetup",
      "account_relationships should carry the note")

try:
    jack.account_pin(liam_id)
    check(False, "endorsing someone jack does not follow should fail")
except MastodonAPIError as e:
    print("jack> account_pin(liam) before following:", e.args[1], e.args[3])
jack.account_follow(liam_id)
rel = jack.account_pin(liam_id)
print("jack> account_pin(liam): endorsed =", rel["endorsed"])
check(rel["endorsed"], "liam should be endorsed")
endorsed = jack.endorsements()
print("jack> endorsements:", [a["acct"] for a in endorsed])
check([a["id"] for a in endorsed] == [liam_id], "jack's endorsements should list liam")

jack.status_post("Writing #pythonista code and some #snakes", visibility="public")
jack.status_post("More #pythonista", visibility="public")
tag = jack.featured_tag_create("pythonista")
print("jack> featured_tag_create(pythonista):", tag["name"], tag["statuses_count"], tag["last_status_at"])
check(str(tag["statuses_count"]) == "2", "the featured tag should count jack's two statuses")
print("jack> featured_tags:", [t["name"] for t in jack.featured_tags()])
suggested = jack.featured_tag_suggestions()
print("jack> featured_tag_suggestions:", [t["name"] for t in suggested])
check("snakes" in [t["name"] for t in suggested] and "pythonista" not in [t["name"] for t in suggested],
      "suggestions should offer snakes, not the featured pythonista")
shown = kate.account_featured_tags(jack_id)
print("kate> account_featured_tags(jack):", [t["name"] for t in shown])
check([t["name"] for t in shown] == ["pythonista"], "kate should see jack's featured tag")

kate.account_follow(jack_id)
names = []
for _ in range(20):
    names = [a["acct"] for a in kate.suggestions()]
    if "liam" in names:
        break
    time.sleep(0.2)
print("kate> suggestions:", names)
check("liam" in names, "liam (followed by jack, whom kate follows) should be suggested to kate")
kate.suggestion_delete(liam_id)
names = [a["acct"] for a in kate.suggestions()]
print("kate> suggestion_delete(liam), then suggestions:", names)
check("liam" not in names, "a dismissed suggestion should not come back")

rel = jack.account_remove_from_followers(kate_id)
print("jack> account_remove_from_followers(kate): followed_by =", rel["followed_by"])
check(not rel["followed_by"], "kate should no longer follow jack")
check(not kate.account_relationships(jack_id)[0]["following"], "kate should see she no longer follows jack")

jack.featured_tag_delete(tag["id"])
jack.account_unpin(liam_id)
jack.account_note_set(kate_id, "")
check(jack.featured_tags() == [] and jack.endorsements() == [], "jack's featured tags and endorsements are cleared")
try:
    jack.email_resend_confirmation()
    check(False, "a confirmed account cannot ask for the confirmation mail again")
except MastodonAPIError as e:
    print("jack> email_resend_confirmation (confirmed):", e.args[1], e.args[3])
print("OK")
