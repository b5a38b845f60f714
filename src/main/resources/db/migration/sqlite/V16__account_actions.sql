-- (Same as the PostgreSQL folder.)
-- Account actions (Mastodon's account_notes, account_pins, featured_tags, follow_recommendation_mutes and the
-- account's attribution_domains).

-- A private note one person keeps about another (Relationship.note). An empty comment deletes the row.
CREATE TABLE account_notes (
  account_id         BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id  BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  comment            VARCHAR(2000) NOT NULL,
  updated_at         BIGINT        NOT NULL,
  PRIMARY KEY (account_id, target_account_id)
);

-- Endorsements ("featured profiles", Mastodon's account_pins): accounts a person shows on their profile.
CREATE TABLE account_pins (
  id                 BIGINT  PRIMARY KEY,
  account_id         BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id  BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at         BIGINT  NOT NULL
);
CREATE UNIQUE INDEX account_pins_pair ON account_pins (account_id, target_account_id);
CREATE INDEX account_pins_target ON account_pins (target_account_id);

-- Hashtags featured on a profile; name keeps the spelling the person gave. Counts are computed when read.
CREATE TABLE featured_tags (
  id          BIGINT        PRIMARY KEY,
  account_id  BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  tag_id      BIGINT        NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  name        VARCHAR(255)  NOT NULL,
  created_at  BIGINT        NOT NULL
);
CREATE UNIQUE INDEX featured_tags_pair ON featured_tags (account_id, tag_id);

-- Follow suggestions a person dismissed (DELETE /api/v1/suggestions/:id): never suggested to them again.
CREATE TABLE suggestion_dismissals (
  account_id         BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id  BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at         BIGINT  NOT NULL,
  PRIMARY KEY (account_id, target_account_id)
);

-- Websites allowed to credit a local account as author (Account#attribution_domains, Mastodon 4.4), in order.
CREATE TABLE attribution_domains (
  account_id  BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  sort_order  INTEGER       NOT NULL,
  domain      VARCHAR(255)  NOT NULL,
  PRIMARY KEY (account_id, sort_order)
);
