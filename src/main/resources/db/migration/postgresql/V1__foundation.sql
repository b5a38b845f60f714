-- Foundation schema. The SQLite folder holds the same tables with the same names and columns.
-- Every *_at column is epoch milliseconds (BIGINT) in both dialects; ids are 64-bit time-sortable.

CREATE TABLE instance_settings (
  name        VARCHAR(100) PRIMARY KEY,
  value       TEXT         NOT NULL,
  updated_at  BIGINT       NOT NULL
);

CREATE TABLE rules (
  id          BIGINT       PRIMARY KEY,
  text        TEXT         NOT NULL,
  hint        TEXT         NOT NULL DEFAULT '',
  position    INTEGER      NOT NULL DEFAULT 0,
  created_at  BIGINT       NOT NULL,
  updated_at  BIGINT       NOT NULL
);

-- Local and remote actors. domain is '' for local accounts (portable unique index; NULLs are distinct).
CREATE TABLE accounts (
  id                BIGINT        PRIMARY KEY,
  username          VARCHAR(255)  NOT NULL,
  username_key      VARCHAR(255)  NOT NULL,
  domain            VARCHAR(255)  NOT NULL DEFAULT '',
  display_name      TEXT          NOT NULL DEFAULT '',
  note              TEXT          NOT NULL DEFAULT '',
  note_source       TEXT          NOT NULL DEFAULT '',
  fields            TEXT          NOT NULL DEFAULT '[]',
  uri               VARCHAR(2048) NOT NULL,
  url               VARCHAR(2048),
  inbox_uri         VARCHAR(2048),
  shared_inbox_uri  VARCHAR(2048),
  outbox_uri        VARCHAR(2048),
  followers_uri     VARCHAR(2048),
  following_uri     VARCHAR(2048),
  featured_uri      VARCHAR(2048),
  actor_type        VARCHAR(32)   NOT NULL DEFAULT 'Person',
  locked            BOOLEAN       NOT NULL DEFAULT FALSE,
  discoverable      BOOLEAN       NOT NULL DEFAULT TRUE,
  indexable         BOOLEAN       NOT NULL DEFAULT FALSE,
  hide_collections  BOOLEAN       NOT NULL DEFAULT FALSE,
  memorial          BOOLEAN       NOT NULL DEFAULT FALSE,
  avatar_file       VARCHAR(512),
  avatar_remote_url VARCHAR(2048),
  header_file       VARCHAR(512),
  header_remote_url VARCHAR(2048),
  public_key        TEXT,
  private_key       TEXT,
  followers_count   INTEGER       NOT NULL DEFAULT 0,
  following_count   INTEGER       NOT NULL DEFAULT 0,
  statuses_count    INTEGER       NOT NULL DEFAULT 0,
  last_status_at    BIGINT,
  suspended_at      BIGINT,
  silenced_at       BIGINT,
  fetched_at        BIGINT,
  created_at        BIGINT        NOT NULL,
  updated_at        BIGINT        NOT NULL
);
CREATE UNIQUE INDEX accounts_username_domain ON accounts (username_key, domain);
CREATE UNIQUE INDEX accounts_uri ON accounts (uri);
CREATE INDEX accounts_domain ON accounts (domain);

-- A local account's login. One row per local account.
CREATE TABLE users (
  account_id      BIGINT        PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  email           VARCHAR(320)  NOT NULL,
  email_key       VARCHAR(320)  NOT NULL,
  password_hash   VARCHAR(512)  NOT NULL,
  role            VARCHAR(16)   NOT NULL DEFAULT 'user',
  locale          VARCHAR(16)   NOT NULL DEFAULT 'en',
  approved        BOOLEAN       NOT NULL DEFAULT TRUE,
  disabled        BOOLEAN       NOT NULL DEFAULT FALSE,
  confirmed_at    BIGINT,
  sign_up_reason  TEXT,
  sign_up_ip      VARCHAR(64),
  last_active_at  BIGINT,
  created_at      BIGINT        NOT NULL,
  updated_at      BIGINT        NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (email_key);
CREATE INDEX users_last_active ON users (last_active_at);

-- The durable job queue. A row is written in the same transaction as the data it is about.
-- state: queued | running | dead. While running, run_at is the lease expiry: a job whose runner died
-- becomes claimable again when its lease runs out. Finished jobs are deleted.
CREATE TABLE jobs (
  id            BIGINT        PRIMARY KEY,
  lane          VARCHAR(32)   NOT NULL,
  kind          VARCHAR(64)   NOT NULL,
  payload       TEXT          NOT NULL,
  state         VARCHAR(16)   NOT NULL,
  run_at        BIGINT        NOT NULL,
  attempts      INTEGER       NOT NULL DEFAULT 0,
  max_attempts  INTEGER       NOT NULL,
  locked_by     VARCHAR(64),
  unique_key    VARCHAR(255),
  last_error    TEXT,
  created_at    BIGINT        NOT NULL,
  updated_at    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX jobs_unique_key ON jobs (unique_key);
-- [jooq ignore start]
CREATE INDEX jobs_ready ON jobs (lane, run_at) WHERE state <> 'dead';
-- [jooq ignore stop]
CREATE INDEX jobs_state ON jobs (state, updated_at);
