-- (Same in the sqlite and postgresql folders.)
-- The moderators' queue over reports, as Mastodon's: who took a report on (assigned_account_id), who resolved it
-- (action_taken_by_account_id, with action_taken_at), when it last changed (updated_at), and the moderators'
-- notes on it (report_notes). Notifications about a report (admin.report) name it in report_id.
ALTER TABLE reports ADD COLUMN assigned_account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL;
ALTER TABLE reports ADD COLUMN action_taken_by_account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL;
ALTER TABLE reports ADD COLUMN updated_at BIGINT;
UPDATE reports SET updated_at = COALESCE(action_taken_at, created_at);
CREATE INDEX reports_open ON reports (action_taken_at, id);

CREATE TABLE report_notes (
  id          BIGINT        PRIMARY KEY,
  report_id   BIGINT        NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  account_id  BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  content     TEXT          NOT NULL,
  created_at  BIGINT        NOT NULL
);
CREATE INDEX report_notes_report ON report_notes (report_id, id);

ALTER TABLE notifications ADD COLUMN report_id BIGINT REFERENCES reports (id) ON DELETE CASCADE;
