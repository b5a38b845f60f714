#!/usr/bin/python3
"""Mastodon.py (Debian's python3-mastodon) with quote posts (Mastodon 4.5): olga posts; nick quotes it; olga sees
the quote count, the quote notification and the list of quotes, revokes the quote and closes her post to quotes;
paul sets his default quote policy. Mastodon.py 1.8 knows only Fedibird's quote_id (refused outside the fedibird
feature set), so the 4.5 parameters and endpoints go through its own request method, as an app would."""
import time

from clientlib import login, check, request


nick, olga, paul = login("nick"), login("olga"), login("paul")

post = olga.status_post("Quote me if you like (olga, Mastodon.py)", visibility="public")
print("olga> status_post:", post["id"], "quote_approval =", post["quote_approval"])
check(post["quote_approval"]["automatic"] == ["public"], "a public post is quotable by anyone by default")
check(post["quote"] is None, "a post that quotes nothing has quote null")

quoting = request(nick, "POST", "/api/v1/statuses", {"status": "Well said (nick quoting olga)",
                                                      "quoted_status_id": post["id"]})
print("nick> POST /api/v1/statuses quoted_status_id:", quoting["id"], "quote.state =", quoting["quote"]["state"],
      "quote.quoted_status.id =", quoting["quote"]["quoted_status"]["id"])
check(quoting["quote"]["state"] == "accepted", "the quote should be accepted at once")
check(str(quoting["quote"]["quoted_status"]["id"]) == str(post["id"]), "the quote should carry olga's post")

again = nick.status(quoting["id"])
check(again["quote"]["state"] == "accepted", "status() should show the quote")
print("nick> status(quote):", again["quote"]["state"])

mine = olga.status(post["id"])
print("olga> status(post): quotes_count =", mine["quotes_count"])
check(mine["quotes_count"] == 1, "olga's post should count one quote")

notes = []
for _ in range(50):
    notes = [n for n in olga.notifications() if n["type"] == "quote"]
    if notes:
        break
    time.sleep(0.2)
print("olga> notifications: quote from", [n["account"]["acct"] for n in notes])
check(notes and str(notes[0]["status"]["id"]) == str(quoting["id"]), "olga should be told of nick's quote")

quotes = request(olga, "GET", f"/api/v1/statuses/{post['id']}/quotes")
print("olga> GET /api/v1/statuses/:id/quotes:", [q["id"] for q in quotes])
check([str(q["id"]) for q in quotes] == [str(quoting["id"])], "olga should list nick's quote")

revoked = request(olga, "POST", f"/api/v1/statuses/{post['id']}/quotes/{quoting['id']}/revoke")
print("olga> revoke:", revoked["quote"]["state"])
check(revoked["quote"]["state"] == "revoked", "the quote should be revoked")
check(nick.status(quoting["id"])["quote"]["quoted_status"] is None, "a revoked quote no longer shows the post")

closed = request(olga, "PUT", f"/api/v1/statuses/{post['id']}/interaction_policy", {"quote_approval_policy": "nobody"})
print("olga> PUT interaction_policy nobody: automatic =", closed["quote_approval"]["automatic"])
check(closed["quote_approval"]["automatic"] == [], "olga's post should be closed to quotes")
try:
    request(nick, "POST", "/api/v1/statuses", {"status": "again?", "quoted_status_id": post["id"]})
    check(False, "quoting a post closed to quotes should fail")
except Exception as e:  # MastodonNotFoundError
    print("nick> quoting a closed post:", type(e).__name__)
    check("NotFound" in type(e).__name__, "quoting a closed post should be a 404")

me = request(paul, "PATCH", "/api/v1/accounts/update_credentials", {"source[quote_policy]": "followers"})
print("paul> update_credentials source[quote_policy]:", me["source"]["quote_policy"])
check(paul.account_verify_credentials()["source"]["quote_policy"] == "followers", "paul's default should stick")
later = paul.status_post("Only my followers may quote this", visibility="public")
print("paul> status_post: quote_approval =", later["quote_approval"])
check(later["quote_approval"]["automatic"] == ["followers"], "new posts take the default quote policy")
print("ok")
