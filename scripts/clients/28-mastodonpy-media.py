#!/usr/bin/python3
"""Mastodon.py (Debian's python3-mastodon) and media (issue 10): nora uploads a JPEG with media_post (a
description and a focal point), posts it with status_post(media_ids=...), reads the status back and downloads the
image and its preview; she uploads a video, waits for it with media() until it is processed, and attaches it to a
second post; a fifth attachment is refused. Accounts: nora, otto."""
import os
import time
import urllib.request

from mastodon import MastodonAPIError

from clientlib import login, check

here = os.path.dirname(os.path.abspath(__file__))
fixtures = os.path.join(here, "..", "..", "src", "test", "resources", "media")
nora, otto = login("nora"), login("otto")

photo = nora.media_post(os.path.join(fixtures, "photo-exif.jpg"), mime_type="image/jpeg",
                        description="A harbour at dusk", focus=(0.25, -0.5))
print("nora> media_post(photo):", photo["id"], photo["type"], photo["meta"]["original"], photo["blurhash"])
check(photo["type"] == "image" and photo["url"] and photo["preview_url"], "an image with a url and a preview")
check(photo["description"] == "A harbour at dusk", "the description should be kept")
check(abs(photo["meta"]["focus"]["x"] - 0.25) < 1e-9 and abs(photo["meta"]["focus"]["y"] + 0.5) < 1e-9,
      "the focal point should be kept")

post = nora.status_post("Evening at the harbour", media_ids=[photo["id"]], visibility="public")
print("nora> status_post(media_ids=[photo]):", post["id"], [m["id"] for m in post["media_attachments"]])
seen = otto.status(post["id"])
attachment = seen["media_attachments"][0]
print("otto> status(): media_attachments[0] =", attachment["type"], attachment["url"])
check(attachment["id"] == photo["id"] and attachment["description"] == "A harbour at dusk",
      "otto should see the image with its description")
with urllib.request.urlopen(attachment["url"]) as r:
    body = r.read()
    print("otto> GET url:", r.status, r.headers.get("Content-Type"), len(body), "bytes")
    check(r.status == 200 and r.headers.get("Content-Type", "").startswith("image/jpeg"), "the image is served")
    check(b"Exif" not in body, "the served image carries no EXIF")
with urllib.request.urlopen(attachment["preview_url"]) as r:
    check(r.status == 200, "the preview is served")

video = nora.media_post(os.path.join(fixtures, "clip.mp4"), mime_type="video/mp4", synchronous=False)
print("nora> media_post(video):", video["id"], video["type"], "url =", video["url"])
for _ in range(150):
    if video["url"]:
        break
    time.sleep(0.2)
    video = nora.media(video["id"])
print("nora> media(video) once processed:", video["type"], video["url"], video["meta"].get("duration"))
check(video["url"] and video["url"].endswith(".mp4"), "the video should be processed into an MP4")
clip = nora.status_post("A short clip", media_ids=[video["id"]])
check(clip["media_attachments"][0]["type"] == "video", "the post should carry the video")

images = [nora.media_post(os.path.join(fixtures, "image.png"), mime_type="image/png")["id"] for _ in range(5)]
try:
    nora.status_post("Too many", media_ids=images)
    check(False, "a fifth attachment should be refused")
except MastodonAPIError as e:
    print("nora> status_post(5 media):", e.args[1], e.args[3] if len(e.args) > 3 else e)
    check(e.args[1] == 422, "a fifth attachment is a 422")
print("ok")
