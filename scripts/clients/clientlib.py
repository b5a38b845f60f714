"""What the Mastodon.py checks share: the server's address, logging in as one of the accounts run.sh created,
failing with a message, and calling an endpoint this Mastodon.py (Debian's 1.8) has no method for."""
import os
import sys

from mastodon import Mastodon

base = os.environ["STARLING_CLIENT_BASE"]


def login(name, lang=None):
    client_id, client_secret = Mastodon.create_app(f"Mastodon.py {name}", api_base_url=base,
                                                   scopes=["read", "write", "follow"])
    api = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=base, lang=lang)
    api.log_in(f"{name}@example.test", f"{name} password 123", scopes=["read", "write", "follow"])
    return api


def check(condition, message):
    if not condition:
        sys.exit("FAILED: " + message)


def request(api, method, path, params=None):
    """Through Mastodon.py's own request helper, so its authentication and error handling apply."""
    return api._Mastodon__api_request(method, path, params or {})
