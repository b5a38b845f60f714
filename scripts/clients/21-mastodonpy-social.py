#!/usr/bin/python3
"""Mastodon.py (Debian's python3-mastodon) as two people: erin posts; dave follows erin and a locked account
(frank, who accepts), replies, boosts and favourites erin's post, reads his home timeline; erin reads her
notifications."""
import time

from clientlib import login, check


dave, erin, frank = login("dave"), login("erin"), login("frank")
frank.account_update_credentials(locked=True)

post = erin.status_post("Good morning from erin, posted with Mastodon.py #birds", visibility="public")
print("erin> status_post:", post["id"], post["content"])
erin_account = erin.account_verify_credentials()
frank_account = frank.account_verify_credentials()

rel = dave.account_follow(erin_account["id"])
print("dave> account_follow(erin): following =", rel["following"])
rel = dave.account_follow(frank_account["id"])
print("dave> account_follow(frank, locked): following =", rel["following"], "requested =", rel["requested"])
requests = frank.follow_requests()
check([a["acct"] for a in requests] == ["dave"], "frank should see dave's follow request")
frank.follow_request_authorize(requests[0]["id"])
check(dave.account_relationships(frank_account["id"])[0]["following"], "dave should follow frank after approval")
print("frank> follow_request_authorize(dave): dave now follows frank")

fav = dave.status_favourite(post["id"])
boost = dave.status_reblog(post["id"])
reply = dave.status_reply(post, "Good morning erin! (from dave)")
print("dave> status_favourite:", fav["favourited"], "status_reblog:", boost["reblogged"] if "reblogged" in boost
      else boost["reblog"]["reblogged"], "status_reply:", reply["in_reply_to_id"])

home = []
for _ in range(50):
    home = dave.timeline_home(limit=20)
    if any(s["id"] == post["id"] or (s.get("reblog") or {}).get("id") == post["id"] for s in home):
        break
    time.sleep(0.2)
print("dave> timeline_home:", [(s["account"]["acct"], (s.get("reblog") or s)["id"]) for s in home][:6])
check(any((s.get("reblog") or s)["id"] == post["id"] for s in home), "erin's post should be in dave's home")

notes = []
for _ in range(50):
    notes = erin.notifications()
    if {"follow", "favourite", "reblog", "mention"} <= {n["type"] for n in notes}:
        break
    time.sleep(0.2)
print("erin> notifications:", [(n["type"], n["account"]["acct"]) for n in notes])
check({"follow", "favourite", "reblog", "mention"} <= {n["type"] for n in notes},
      "erin should have follow, favourite, reblog and mention notifications")
