#!/usr/bin/python3
"""Mastodon.py (Debian's python3-mastodon): register an app, log in, verify credentials, with the default
version check (Mastodon.py reads the instance's version string to decide which API features it may use)."""
import os
import sys

from mastodon import Mastodon

base = os.environ["STARLING_CLIENT_BASE"]
client_id, client_secret = Mastodon.create_app("Mastodon.py check", api_base_url=base,
                                               scopes=["read", "write", "follow"])
api = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=base)
api.log_in("bob@example.test", "bob password 123", scopes=["read", "write", "follow"])
me = api.account_verify_credentials()
print("account_verify_credentials:", me["acct"], "id", me["id"], me["url"])
print("server version as Mastodon.py reads it:", api.retrieve_mastodon_version())
instance = api.instance()
print("instance:", instance["title"], "-", instance["version"])
if me["acct"] != "bob":
    sys.exit("verify_credentials returned the wrong account")
