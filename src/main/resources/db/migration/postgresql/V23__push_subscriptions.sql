-- (Same in the sqlite and postgresql folders.)
-- Web Push subscriptions (Mastodon's web_push_subscriptions): one per access token, replaced by the next POST, gone
-- with the token or the account. endpoint, key_p256dh (the user agent's P-256 public key, base64url) and key_auth
-- (its 16-byte auth secret, base64url) are what RFC 8291 encrypts to. alerts: the enabled alert names, comma-
-- separated (mention,follow,...); policy: all, followed, follower or none. access_token is the bearer token that
-- made the subscription, sent inside each encrypted push as Mastodon does (apps tell their accounts apart by it);
-- it is only ever readable by the push's recipient and is useless once the token is revoked.
CREATE TABLE push_subscriptions (
  id               BIGINT         PRIMARY KEY,
  access_token_id  BIGINT         NOT NULL REFERENCES oauth_access_tokens (id) ON DELETE CASCADE,
  account_id       BIGINT         NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  endpoint         VARCHAR(2048)  NOT NULL,
  key_p256dh       VARCHAR(128)   NOT NULL,
  key_auth         VARCHAR(64)    NOT NULL,
  standard         BOOLEAN        NOT NULL DEFAULT FALSE,
  alerts           VARCHAR(512)   NOT NULL DEFAULT '',
  policy           VARCHAR(16)    NOT NULL DEFAULT 'all',
  access_token     VARCHAR(512)   NOT NULL,
  created_at       BIGINT         NOT NULL,
  updated_at       BIGINT         NOT NULL
);
CREATE UNIQUE INDEX push_subscriptions_token ON push_subscriptions (access_token_id);
CREATE INDEX push_subscriptions_account ON push_subscriptions (account_id);

-- The server's VAPID key pair (RFC 8292), P-256, generated on first need and shared by every node: one row, id 1.
-- public_key is the uncompressed point, private_key the 32-byte scalar, both base64url without padding.
CREATE TABLE vapid_keys (
  id           BIGINT        PRIMARY KEY,
  public_key   VARCHAR(128)  NOT NULL,
  private_key  VARCHAR(128)  NOT NULL,
  created_at   BIGINT        NOT NULL
);
