-- Each person's notification filtering policy (Mastodon's NotificationPolicy, API v2 shape): for each kind of
-- sender, accept, filter or drop. A person without a row has the defaults (every value 'accept').
CREATE TABLE notification_policies (
  account_id            BIGINT      PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  for_not_following     VARCHAR(8)  NOT NULL DEFAULT 'accept',
  for_not_followers     VARCHAR(8)  NOT NULL DEFAULT 'accept',
  for_new_accounts      VARCHAR(8)  NOT NULL DEFAULT 'accept',
  for_private_mentions  VARCHAR(8)  NOT NULL DEFAULT 'accept',
  for_limited_accounts  VARCHAR(8)  NOT NULL DEFAULT 'accept',
  for_bots              VARCHAR(8)  NOT NULL DEFAULT 'accept',
  updated_at            BIGINT      NOT NULL
);
