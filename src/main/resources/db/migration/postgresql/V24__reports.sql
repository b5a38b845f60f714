-- (Same in the sqlite and postgresql folders.)
-- Reports filed by local members (POST /api/v1/reports) as Mastodon's: the category (spam, legal, violation,
-- other), the rules a violation breaks (JSON ids), whether it was forwarded to the target's server as a Flag, and
-- when a moderator acted on it (null while open).
ALTER TABLE reports ADD COLUMN category VARCHAR(16) NOT NULL DEFAULT 'other';
ALTER TABLE reports ADD COLUMN rule_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE reports ADD COLUMN forwarded BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE reports ADD COLUMN action_taken_at BIGINT;
