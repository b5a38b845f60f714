-- Materialised list feeds, as home feeds are (feed_entries): fan-out on write inserts a member's new status into
-- each built list that admits it (ListFeedRule); reading a list reads here only, with the owner's mutes, blocks and
-- domain blocks and the author's suspension applied at read. A list whose feed is not built (new, changed, or its
-- owner's follows changed) is built from the members' newest statuses on its next read.
ALTER TABLE lists ADD COLUMN feed_built BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE list_feed_entries (
  list_id    BIGINT  NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
  status_id  BIGINT  NOT NULL,
  author_id  BIGINT  NOT NULL,
  PRIMARY KEY (list_id, status_id)
);
