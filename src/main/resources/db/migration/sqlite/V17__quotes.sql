-- (Same in the sqlite and postgresql folders.)
-- Quote posts (Mastodon 4.5's Quote model): the status that quotes, the status it quotes (null once that status is
-- deleted, which shows as state "deleted"), and the approval state: pending, accepted, rejected, revoked.
-- activity_uri is the id of our QuoteRequest for a remote quoted status; approval_uri the QuoteAuthorization that
-- approved a quote (ours for a local quoted status, or the remote one a Note named).
CREATE TABLE quotes (
  id                 BIGINT        PRIMARY KEY,
  status_id          BIGINT        NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  account_id         BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  quoted_status_id   BIGINT        REFERENCES statuses (id) ON DELETE SET NULL,
  quoted_account_id  BIGINT        REFERENCES accounts (id) ON DELETE SET NULL,
  state              VARCHAR(16)   NOT NULL,
  activity_uri       VARCHAR(2048),
  approval_uri       VARCHAR(2048),
  created_at         BIGINT        NOT NULL,
  updated_at         BIGINT        NOT NULL
);
CREATE UNIQUE INDEX quotes_status ON quotes (status_id);
CREATE INDEX quotes_quoted_status ON quotes (quoted_status_id, id);

-- Who may quote a status, as Mastodon's statuses.quote_approval_policy: a bitmask of InteractionPolicy flags
-- (1 unsupported_policy, 2 public, 4 followers, 8 following), automatic approval in the upper 16 bits, manual in
-- the lower 16; 0 is "nobody".
ALTER TABLE statuses ADD COLUMN quote_approval_policy INTEGER NOT NULL DEFAULT 0;

-- A person's default quote policy for new posts (Mastodon's setting_default_quote_policy): public, followers or
-- nobody.
ALTER TABLE users ADD COLUMN default_quote_policy VARCHAR(16) NOT NULL DEFAULT 'public';
