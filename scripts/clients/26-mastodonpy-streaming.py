#!/usr/bin/python3
"""Mastodon.py (Debian's python3-mastodon) streaming: xena listens with stream_user (server-sent events at the
URL the instance advertises); yuri, whom she follows, posts (xena hears on_update), then favourites xena's post
(xena hears on_notification)."""
import threading
import time

from mastodon import StreamListener

from clientlib import login, check


class Listener(StreamListener):
    def __init__(self):
        super().__init__()
        self.updates = []
        self.notifications = []
        self.connected = threading.Event()

    def on_update(self, status):
        self.updates.append(status)

    def on_notification(self, notification):
        self.notifications.append(notification)

    def handle_heartbeat(self):
        self.connected.set()


def wait_for(condition, what):
    for _ in range(150):
        if condition():
            return
        time.sleep(0.1)
    check(False, "no " + what + " arrived on the stream")


xena, yuri = login("xena"), login("yuri")
yuri_account = yuri.account_verify_credentials()
xena.account_follow(yuri_account["id"])

listener = Listener()
handle = xena.stream_user(listener, run_async=True, reconnect_async=False)
check(listener.connected.wait(15), "the stream should open (a heartbeat comment comes first)")
print("xena> stream_user: connected")

post = yuri.status_post("yuri posts for xena's stream (Mastodon.py)")
wait_for(lambda: any(s["id"] == post["id"] for s in listener.updates), "update")
seen = next(s for s in listener.updates if s["id"] == post["id"])
print("xena> on_update:", seen["id"], seen["account"]["acct"], seen["content"])

mine = xena.status_post("xena's post, to be favourited")
yuri.status_favourite(mine["id"])
wait_for(lambda: any(n["type"] == "favourite" for n in listener.notifications), "notification")
note = next(n for n in listener.notifications if n["type"] == "favourite")
print("xena> on_notification:", note["type"], note["account"]["acct"], note["status"]["id"])
check(note["status"]["id"] == mine["id"], "the notification should be about xena's post")

handle.close()
print("Mastodon.py streaming: ok")
