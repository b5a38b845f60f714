#!/usr/bin/env python3
"""Setup for bench/timelines.sh, through the API only (so it works on SQLite and PostgreSQL alike).

  timelines_setup.py accounts BASE TOKENS N   prints N account-timeline paths: the authors of recent public posts
                                              (the accounts people open most) and the owners of seeded tokens
  timelines_setup.py thread BASE TOKENS FILE  creates a thread: a public root post by one seeded user and 200
                                              replies by 200 others, some to the root and some to replies, nested
                                              up to 6 levels; writes root_id, replies and depths to FILE
  timelines_setup.py lists BASE TOKENS N TOKENS_OUT PATHS_OUT
                                              gives each of the first N seeded users a list of up to 25 of the
                                              accounts they follow; writes the owners' tokens and the list-timeline
                                              paths, line by line in the same order
"""
import json
import random
import sys
import urllib.parse
import urllib.request


def call(base, method, path, token=None, form=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.load(resp)


def tokens_of(path):
    with open(path) as f:
        return [line.strip() for line in f if line.strip()]


def accounts(base, tokens_file, n):
    tokens = tokens_of(tokens_file)
    ids = []
    seen = set()

    def add(account_id):
        if account_id not in seen:
            seen.add(account_id)
            ids.append(account_id)

    # Authors of recent public posts (ten pages of the federated timeline), then the token owners.
    max_id = None
    for _ in range(10):
        page = call(base, "GET", "/api/v1/timelines/public?limit=40" + (f"&max_id={max_id}" if max_id else ""),
                    tokens[0])
        if not page:
            break
        for status in page:
            add(status["account"]["id"])
        max_id = page[-1]["id"]
    for token in tokens:
        if len(ids) >= n:
            break
        add(call(base, "GET", "/api/v1/accounts/verify_credentials", token)["id"])
    for account_id in ids[:n]:
        print(f"/api/v1/accounts/{account_id}/statuses?limit=20")


def thread(base, tokens_file, out, replies=200, max_depth=6):
    tokens = tokens_of(tokens_file)
    rng = random.Random(14)
    root = call(base, "POST", "/api/v1/statuses", tokens[0],
                {"status": "A thread for the context benchmark: what should we bench next?", "visibility": "public"})
    posts = [(root["id"], 0)]  # (id, depth)
    for i in range(replies):
        token = tokens[1 + i % (len(tokens) - 1)]
        if rng.random() < 0.35:
            parent = posts[0]
        else:
            parent = rng.choice([p for p in posts if p[1] < max_depth])
        reply = call(base, "POST", "/api/v1/statuses", token,
                     {"status": f"Reply {i + 1}: I think we should bench the timelines first.",
                      "in_reply_to_id": parent[0], "visibility": "public"})
        posts.append((reply["id"], parent[1] + 1))
    depths = {}
    for _, d in posts[1:]:
        depths[d] = depths.get(d, 0) + 1
    deepest = max(posts, key=lambda p: p[1])
    with open(out, "w") as f:
        f.write(f"root_id={root['id']}\nreplies={replies}\ndeepest_id={deepest[0]}\ndeepest_depth={deepest[1]}\n"
                f"replies_by_depth={','.join(f'{d}:{n}' for d, n in sorted(depths.items()))}\n")


def lists(base, tokens_file, n, tokens_out, paths_out):
    tokens = tokens_of(tokens_file)[:n]
    with open(tokens_out, "w") as t, open(paths_out, "w") as p:
        for token in tokens:
            me = call(base, "GET", "/api/v1/accounts/verify_credentials", token)["id"]
            following = call(base, "GET", f"/api/v1/accounts/{me}/following?limit=40", token)
            if not following:
                continue
            made = call(base, "POST", "/api/v1/lists", token, {"title": "bench"})
            call(base, "POST", f"/api/v1/lists/{made['id']}/accounts", token,
                 [("account_ids[]", a["id"]) for a in following[:25]])
            t.write(token + "\n")
            p.write(f"/api/v1/timelines/list/{made['id']}?limit=20\n")


if __name__ == "__main__":
    command, base, tokens_file = sys.argv[1:4]
    if command == "accounts":
        accounts(base, tokens_file, int(sys.argv[4]))
    elif command == "thread":
        thread(base, tokens_file, sys.argv[4])
    elif command == "lists":
        lists(base, tokens_file, int(sys.argv[4]), sys.argv[5], sys.argv[6])
    else:
        sys.exit(__doc__)
