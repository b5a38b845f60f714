-- (Same in the sqlite and postgresql folders.)
-- Account moderation as Mastodon's: when moderators forced an account's media sensitive (accounts.sensitized_at,
-- next to suspended_at and silenced_at); the strikes a member is told of (account_warnings: the action taken, the
-- moderator's text, the statuses concerned as JSON ids, the report acted on; overruled_at once an appeal was
-- approved); one appeal per strike (appeals: pending, approved or rejected); and the staff-only notes on an
-- account (account_moderation_notes).
ALTER TABLE accounts ADD COLUMN sensitized_at BIGINT;
-- When the 30-day purge of a suspended account ran (a remote account's row stays, emptied, as Mastodon keeps it).
ALTER TABLE accounts ADD COLUMN suspension_purged_at BIGINT;

CREATE TABLE account_warnings (
  id                 BIGINT         PRIMARY KEY,
  account_id         BIGINT,
  target_account_id  BIGINT         NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  action             VARCHAR(32)    NOT NULL,
  text               VARCHAR(5000)  NOT NULL DEFAULT '',
  status_ids         VARCHAR(4000)  NOT NULL DEFAULT '[]',
  report_id          BIGINT,
  overruled_at       BIGINT,
  created_at         BIGINT         NOT NULL
);
CREATE INDEX account_warnings_target ON account_warnings (target_account_id, id);

CREATE TABLE appeals (
  id                   BIGINT         PRIMARY KEY,
  account_id           BIGINT         NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  account_warning_id   BIGINT         NOT NULL UNIQUE REFERENCES account_warnings (id) ON DELETE CASCADE,
  text                 VARCHAR(2000)  NOT NULL,
  state                VARCHAR(16)    NOT NULL DEFAULT 'pending',
  decided_by_account_id BIGINT,
  decided_at           BIGINT,
  created_at           BIGINT         NOT NULL
);

CREATE TABLE account_moderation_notes (
  id                 BIGINT         PRIMARY KEY,
  account_id         BIGINT         NOT NULL,
  target_account_id  BIGINT         NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  content            VARCHAR(2000)  NOT NULL,
  created_at         BIGINT         NOT NULL
);
CREATE INDEX account_moderation_notes_target ON account_moderation_notes (target_account_id, id);
