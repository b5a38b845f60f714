-- The inbox (federation/inbox). Activity ids already taken in, so a delivery retried by its sender (or sent to
-- several of our inboxes) is processed once. Only ids on their actor's origin are recorded, so nobody can claim
-- another server's id in advance. Rows older than a few days are pruned by a recurring job.
CREATE TABLE inbound_activities (
  uri          VARCHAR(2048) PRIMARY KEY,
  received_at  BIGINT        NOT NULL
);
CREATE INDEX inbound_activities_received ON inbound_activities (received_at);

-- Reports (Mastodon's Report), for now only those other servers send (Flag). The moderation UI comes later.
-- account_id: the reporter (for a Flag, the remote actor that sent it, usually its instance actor).
CREATE TABLE reports (
  id                 BIGINT        PRIMARY KEY,
  account_id         BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id  BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status_ids         TEXT          NOT NULL DEFAULT '[]',
  comment            TEXT          NOT NULL DEFAULT '',
  uri                VARCHAR(2048),
  created_at         BIGINT        NOT NULL
);
CREATE INDEX reports_target ON reports (target_account_id, id);
CREATE UNIQUE INDEX reports_uri_target ON reports (uri, target_account_id);

-- An account that moved (Move activity): the account it moved to (Mastodon's accounts.moved_to_account_id).
ALTER TABLE accounts ADD COLUMN moved_to_account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL;
