#!/usr/bin/python3
"""Mastodon.py (Debian's python3-mastodon 1.8.0) and notification requests: rosa filters mentions from people she
does not follow; sam and tina (strangers) mention her; she sees two requests, accepts sam's (his mention joins her
notifications) and dismisses tina's. Mastodon.py 1.8.0 has no methods for policies or requests (they came with
Mastodon.py 2.0: notifications_policy, update_notifications_policy, notification_requests,
accept_notification_request, dismiss_notification_request), so those calls go through its generic request helper
(which turns ids into integers); posting and reading notifications use its own methods (status_post,
notifications)."""
import time

from clientlib import login, check, request


def wait_for(fetch, ready):
    value = fetch()
    for _ in range(100):
        if ready(value):
            return value
        time.sleep(0.2)
        value = fetch()
    return value


rosa, sam, tina = login("rosa"), login("sam"), login("tina")
policy = request(rosa, "PATCH", "/api/v2/notifications/policy", {"for_not_following": "filter"})
print("rosa> PATCH /api/v2/notifications/policy: for_not_following =", policy["for_not_following"])
check(policy["for_not_following"] == "filter", "the policy should say filter")

from_sam = sam.status_post("@rosa hello from sam (a stranger)")
from_tina = tina.status_post("@rosa hello from tina (a stranger)")
requests = wait_for(lambda: request(rosa, "GET", "/api/v1/notifications/requests"), lambda r: len(r) >= 2)
print("rosa> GET /api/v1/notifications/requests:",
      [(r["account"]["acct"], r["notifications_count"], r["last_status"]["id"]) for r in requests])
check(sorted(r["account"]["acct"] for r in requests) == ["sam", "tina"], "rosa should have requests from sam and tina")
check(all(r["notifications_count"] == "1" for r in requests), "each request should count one notification")
mentions = rosa.notifications(types=["mention"])
print("rosa> notifications(types=[mention]):", [n["status"]["id"] for n in mentions])
check(mentions == [], "filtered mentions should not be in rosa's notifications")
summary = request(rosa, "GET", "/api/v2/notifications/policy")["summary"]
print("rosa> policy summary:", summary)
check(summary["pending_requests_count"] == 2, "the summary should count two pending requests")

by_acct = {r["account"]["acct"]: r for r in requests}
one = request(rosa, "GET", f"/api/v1/notifications/requests/{by_acct['sam']['id']}")
check(one["last_status"]["id"] == from_sam["id"], "sam's request should show his mention")
request(rosa, "POST", f"/api/v1/notifications/requests/{by_acct['sam']['id']}/accept")
request(rosa, "POST", f"/api/v1/notifications/requests/{by_acct['tina']['id']}/dismiss")
print("rosa> accepted sam's request, dismissed tina's")
check(request(rosa, "GET", "/api/v1/notifications/requests") == [], "no request should be left")
check(request(rosa, "GET", "/api/v1/notifications/requests/merged")["merged"] is True, "merged should be true")
mentions = rosa.notifications(types=["mention"])
print("rosa> notifications(types=[mention]):", [(n["account"]["acct"], n["status"]["id"]) for n in mentions])
check([n["status"]["id"] for n in mentions] == [from_sam["id"]], "only sam's mention should be in the list")
check(from_tina["id"] not in [n["status"]["id"] for n in rosa.notifications()], "tina's mention is dismissed")

again = sam.status_post("@rosa and again (sam, now accepted)")
mentions = wait_for(lambda: rosa.notifications(types=["mention"]), lambda m: len(m) >= 2)
check(mentions[0]["status"]["id"] == again["id"], "sam's later mention should be accepted at once")
print("rosa> sam's next mention arrived unfiltered:", mentions[0]["status"]["id"])
request(rosa, "PATCH", "/api/v2/notifications/policy", {"for_not_following": "accept"})
print("OK")
