-- (Same as the PostgreSQL folder.)
-- Notification policies applied (Mastodon 4.3): a notification a policy filters is kept with filtered = TRUE,
-- out of the lists unless asked for (include_filtered); filtered mentions gather in one notification request per
-- (recipient, sender); accepting a request records a permission, so that sender's notifications are never
-- filtered again.
ALTER TABLE notifications ADD COLUMN filtered BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX notifications_filtered ON notifications (account_id, from_account_id, filtered);

CREATE TABLE notification_requests (
  id                   BIGINT  PRIMARY KEY,
  account_id           BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  from_account_id      BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  last_status_id       BIGINT  REFERENCES statuses (id) ON DELETE SET NULL,
  notifications_count  INTEGER NOT NULL DEFAULT 0,
  created_at           BIGINT  NOT NULL,
  updated_at           BIGINT  NOT NULL,
  UNIQUE (account_id, from_account_id)
);
CREATE INDEX notification_requests_account ON notification_requests (account_id, id);

CREATE TABLE notification_permissions (
  account_id       BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  from_account_id  BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at       BIGINT  NOT NULL,
  PRIMARY KEY (account_id, from_account_id)
);
