-- (Same as the PostgreSQL folder.) Statuses, the social graph, home feeds, notifications, filters, lists, markers.

CREATE TABLE statuses (
  id                      BIGINT        PRIMARY KEY,
  account_id              BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  uri                     VARCHAR(2048) NOT NULL,
  url                     VARCHAR(2048),
  local                   BOOLEAN       NOT NULL,
  visibility              VARCHAR(16)   NOT NULL,
  text                    TEXT          NOT NULL DEFAULT '',
  content                 TEXT          NOT NULL DEFAULT '',
  spoiler_text            TEXT          NOT NULL DEFAULT '',
  sensitive               BOOLEAN       NOT NULL DEFAULT FALSE,
  language                VARCHAR(16),
  in_reply_to_id          BIGINT,
  in_reply_to_account_id  BIGINT,
  reblog_of_id            BIGINT        REFERENCES statuses (id) ON DELETE CASCADE,
  conversation_id         BIGINT,
  application_id          BIGINT,
  poll_id                 BIGINT,
  replies_count           INTEGER       NOT NULL DEFAULT 0,
  reblogs_count           INTEGER       NOT NULL DEFAULT 0,
  favourites_count        INTEGER       NOT NULL DEFAULT 0,
  version                 INTEGER       NOT NULL DEFAULT 0,
  edited_at               BIGINT,
  created_at              BIGINT        NOT NULL,
  updated_at              BIGINT        NOT NULL
);
CREATE UNIQUE INDEX statuses_uri ON statuses (uri);
CREATE INDEX statuses_account ON statuses (account_id, id);
CREATE UNIQUE INDEX statuses_reblog ON statuses (reblog_of_id, account_id);
CREATE INDEX statuses_in_reply_to ON statuses (in_reply_to_id);
CREATE INDEX statuses_conversation ON statuses (conversation_id, id);
-- [jooq ignore start]
CREATE INDEX statuses_public ON statuses (id) WHERE visibility = 'public' AND reblog_of_id IS NULL;
CREATE INDEX statuses_public_local ON statuses (local, id) WHERE visibility = 'public' AND reblog_of_id IS NULL;
-- [jooq ignore stop]

CREATE TABLE status_mentions (
  status_id   BIGINT   NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  account_id  BIGINT   NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  silent      BOOLEAN  NOT NULL DEFAULT FALSE,
  PRIMARY KEY (status_id, account_id)
);
CREATE INDEX status_mentions_account ON status_mentions (account_id, status_id);

CREATE TABLE tags (
  id              BIGINT        PRIMARY KEY,
  name            VARCHAR(255)  NOT NULL,
  name_key        VARCHAR(255)  NOT NULL,
  last_status_at  BIGINT,
  created_at      BIGINT        NOT NULL
);
CREATE UNIQUE INDEX tags_name_key ON tags (name_key);

CREATE TABLE status_tags (
  status_id  BIGINT  NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  tag_id     BIGINT  NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (status_id, tag_id)
);
CREATE INDEX status_tags_tag ON status_tags (tag_id, status_id);

CREATE TABLE tag_follows (
  id          BIGINT  PRIMARY KEY,
  account_id  BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  tag_id      BIGINT  NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  created_at  BIGINT  NOT NULL
);
CREATE UNIQUE INDEX tag_follows_account_tag ON tag_follows (account_id, tag_id);
CREATE INDEX tag_follows_tag ON tag_follows (tag_id);

CREATE TABLE favourites (
  id          BIGINT  PRIMARY KEY,
  account_id  BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status_id   BIGINT  NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  created_at  BIGINT  NOT NULL
);
CREATE UNIQUE INDEX favourites_account_status ON favourites (account_id, status_id);
CREATE INDEX favourites_status ON favourites (status_id, id);

CREATE TABLE bookmarks (
  id          BIGINT  PRIMARY KEY,
  account_id  BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status_id   BIGINT  NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  created_at  BIGINT  NOT NULL
);
CREATE UNIQUE INDEX bookmarks_account_status ON bookmarks (account_id, status_id);
CREATE INDEX bookmarks_status ON bookmarks (status_id);

CREATE TABLE status_pins (
  id          BIGINT  PRIMARY KEY,
  account_id  BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status_id   BIGINT  NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  created_at  BIGINT  NOT NULL
);
CREATE UNIQUE INDEX status_pins_account_status ON status_pins (account_id, status_id);
CREATE INDEX status_pins_status ON status_pins (status_id);

CREATE TABLE conversation_mutes (
  account_id       BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  conversation_id  BIGINT  NOT NULL,
  PRIMARY KEY (account_id, conversation_id)
);

CREATE TABLE conversations (
  id          BIGINT        PRIMARY KEY,
  uri         VARCHAR(2048),
  created_at  BIGINT        NOT NULL
);

-- Direct-message threads as Mastodon's /api/v1/conversations shows them, one row per participant.
CREATE TABLE account_conversations (
  id               BIGINT   PRIMARY KEY,
  account_id       BIGINT   NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  conversation_id  BIGINT   NOT NULL,
  participant_ids  TEXT     NOT NULL DEFAULT '[]',
  last_status_id   BIGINT,
  unread           BOOLEAN  NOT NULL DEFAULT FALSE,
  updated_at       BIGINT   NOT NULL
);
CREATE UNIQUE INDEX account_conversations_account_conversation ON account_conversations (account_id, conversation_id);
CREATE INDEX account_conversations_account_last ON account_conversations (account_id, last_status_id);

CREATE TABLE polls (
  id            BIGINT   PRIMARY KEY,
  status_id     BIGINT   NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  account_id    BIGINT   NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  options       TEXT     NOT NULL,
  multiple      BOOLEAN  NOT NULL DEFAULT FALSE,
  hide_totals   BOOLEAN  NOT NULL DEFAULT FALSE,
  votes_count   INTEGER  NOT NULL DEFAULT 0,
  voters_count  INTEGER  NOT NULL DEFAULT 0,
  expires_at    BIGINT,
  closed_at     BIGINT,
  created_at    BIGINT   NOT NULL,
  updated_at    BIGINT   NOT NULL
);
CREATE INDEX polls_status ON polls (status_id);

CREATE TABLE poll_votes (
  id          BIGINT   PRIMARY KEY,
  poll_id     BIGINT   NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  account_id  BIGINT   NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  choice      INTEGER  NOT NULL,
  created_at  BIGINT   NOT NULL
);
CREATE UNIQUE INDEX poll_votes_poll_account_choice ON poll_votes (poll_id, account_id, choice);

CREATE TABLE status_edits (
  id            BIGINT   PRIMARY KEY,
  status_id     BIGINT   NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  account_id    BIGINT   NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  text          TEXT     NOT NULL DEFAULT '',
  content       TEXT     NOT NULL DEFAULT '',
  spoiler_text  TEXT     NOT NULL DEFAULT '',
  sensitive     BOOLEAN  NOT NULL DEFAULT FALSE,
  poll_options  TEXT,
  created_at    BIGINT   NOT NULL
);
CREATE INDEX status_edits_status ON status_edits (status_id, id);

CREATE TABLE scheduled_statuses (
  id            BIGINT  PRIMARY KEY,
  account_id    BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  scheduled_at  BIGINT  NOT NULL,
  params        TEXT    NOT NULL,
  created_at    BIGINT  NOT NULL
);
CREATE INDEX scheduled_statuses_account ON scheduled_statuses (account_id, id);

CREATE TABLE idempotency_keys (
  account_id  BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  key_hash    VARCHAR(64)  NOT NULL,
  status_id   BIGINT       NOT NULL,
  created_at  BIGINT       NOT NULL,
  PRIMARY KEY (account_id, key_hash)
);

CREATE TABLE follows (
  id                 BIGINT        PRIMARY KEY,
  account_id         BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id  BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  show_reblogs       BOOLEAN       NOT NULL DEFAULT TRUE,
  notify             BOOLEAN       NOT NULL DEFAULT FALSE,
  languages          TEXT,
  uri                VARCHAR(2048),
  created_at         BIGINT        NOT NULL
);
CREATE UNIQUE INDEX follows_account_target ON follows (account_id, target_account_id);
CREATE INDEX follows_target ON follows (target_account_id, account_id);

CREATE TABLE follow_requests (
  id                 BIGINT        PRIMARY KEY,
  account_id         BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id  BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  show_reblogs       BOOLEAN       NOT NULL DEFAULT TRUE,
  notify             BOOLEAN       NOT NULL DEFAULT FALSE,
  languages          TEXT,
  uri                VARCHAR(2048),
  created_at         BIGINT        NOT NULL
);
CREATE UNIQUE INDEX follow_requests_account_target ON follow_requests (account_id, target_account_id);
CREATE INDEX follow_requests_target ON follow_requests (target_account_id, id);

CREATE TABLE blocks (
  id                 BIGINT        PRIMARY KEY,
  account_id         BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id  BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  uri                VARCHAR(2048),
  created_at         BIGINT        NOT NULL
);
CREATE UNIQUE INDEX blocks_account_target ON blocks (account_id, target_account_id);
CREATE INDEX blocks_target ON blocks (target_account_id);

CREATE TABLE mutes (
  id                  BIGINT   PRIMARY KEY,
  account_id          BIGINT   NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id   BIGINT   NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  hide_notifications  BOOLEAN  NOT NULL DEFAULT TRUE,
  expires_at          BIGINT,
  created_at          BIGINT   NOT NULL
);
CREATE UNIQUE INDEX mutes_account_target ON mutes (account_id, target_account_id);
CREATE INDEX mutes_target ON mutes (target_account_id);

CREATE TABLE account_domain_blocks (
  id          BIGINT        PRIMARY KEY,
  account_id  BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  domain      VARCHAR(255)  NOT NULL,
  created_at  BIGINT        NOT NULL
);
CREATE UNIQUE INDEX account_domain_blocks_account_domain ON account_domain_blocks (account_id, domain);

CREATE TABLE lists (
  id              BIGINT        PRIMARY KEY,
  account_id      BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  title           VARCHAR(255)  NOT NULL,
  replies_policy  VARCHAR(16)   NOT NULL DEFAULT 'list',
  exclusive       BOOLEAN       NOT NULL DEFAULT FALSE,
  created_at      BIGINT        NOT NULL,
  updated_at      BIGINT        NOT NULL
);
CREATE INDEX lists_account ON lists (account_id);

CREATE TABLE list_accounts (
  list_id     BIGINT  NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
  account_id  BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at  BIGINT  NOT NULL,
  PRIMARY KEY (list_id, account_id)
);
CREATE INDEX list_accounts_account ON list_accounts (account_id);

-- Materialised home feeds: fan-out on write inserts here; reading home reads here only.
CREATE TABLE feed_entries (
  account_id         BIGINT  NOT NULL,
  status_id          BIGINT  NOT NULL,
  author_id          BIGINT  NOT NULL,
  reblog_of_id       BIGINT,
  reblog_author_id   BIGINT,
  PRIMARY KEY (account_id, status_id)
);

CREATE TABLE notifications (
  id               BIGINT       PRIMARY KEY,
  account_id       BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  from_account_id  BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  type             VARCHAR(32)  NOT NULL,
  status_id        BIGINT       REFERENCES statuses (id) ON DELETE CASCADE,
  group_key        VARCHAR(128) NOT NULL,
  created_at       BIGINT       NOT NULL
);
CREATE INDEX notifications_account ON notifications (account_id, id);
CREATE INDEX notifications_group ON notifications (account_id, group_key, id);

CREATE TABLE markers (
  account_id    BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  timeline      VARCHAR(32)  NOT NULL,
  last_read_id  BIGINT       NOT NULL,
  version       INTEGER      NOT NULL DEFAULT 0,
  updated_at    BIGINT       NOT NULL,
  PRIMARY KEY (account_id, timeline)
);

CREATE TABLE filters (
  id          BIGINT        PRIMARY KEY,
  account_id  BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  title       VARCHAR(255)  NOT NULL,
  contexts    VARCHAR(255)  NOT NULL,
  action      VARCHAR(16)   NOT NULL DEFAULT 'warn',
  expires_at  BIGINT,
  created_at  BIGINT        NOT NULL,
  updated_at  BIGINT        NOT NULL
);
CREATE INDEX filters_account ON filters (account_id);

CREATE TABLE filter_keywords (
  id          BIGINT        PRIMARY KEY,
  filter_id   BIGINT        NOT NULL REFERENCES filters (id) ON DELETE CASCADE,
  keyword     VARCHAR(512)  NOT NULL,
  whole_word  BOOLEAN       NOT NULL DEFAULT TRUE,
  created_at  BIGINT        NOT NULL
);
CREATE INDEX filter_keywords_filter ON filter_keywords (filter_id);

CREATE TABLE filter_statuses (
  id          BIGINT  PRIMARY KEY,
  filter_id   BIGINT  NOT NULL REFERENCES filters (id) ON DELETE CASCADE,
  status_id   BIGINT  NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  created_at  BIGINT  NOT NULL
);
CREATE INDEX filter_statuses_filter ON filter_statuses (filter_id);

-- Home feeds are kept up to date only for recently active people; a stale feed is rebuilt on its next read.
ALTER TABLE users ADD COLUMN feed_stale BOOLEAN NOT NULL DEFAULT FALSE;
