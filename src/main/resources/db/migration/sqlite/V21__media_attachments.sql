-- (Same in the sqlite and postgresql folders, but for the floating-point type.)
-- Media attachments, local and remote, as Mastodon's media_attachments. A local upload starts unattached
-- (status_id null) and is attached by the post that names it in media_ids; unattached rows older than a day are
-- removed with their files, and deleting a status sets status_id null so the same sweep removes its media.
-- state: processing (the 202 of POST /api/v2/media), ready, failed.
-- file_key / thumbnail_key are MediaStore keys (never URLs). A remote attachment has remote_url and its copy is a
-- cache: file_key is null until fetched and again after eviction; last_used_at orders the LRU eviction and
-- file_size + thumbnail_size are what the copy takes. meta is the JSON of Mastodon's meta (original, small,
-- duration, audio fields); focus_x / focus_y the focal point (-1.0 .. 1.0).
CREATE TABLE media_attachments (
  id                 BIGINT        PRIMARY KEY,
  account_id         BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status_id          BIGINT        REFERENCES statuses (id) ON DELETE SET NULL,
  position           INTEGER       NOT NULL DEFAULT 0,
  type               VARCHAR(16)   NOT NULL,
  state              VARCHAR(16)   NOT NULL,
  file_key           VARCHAR(512),
  file_content_type  VARCHAR(128),
  file_size          BIGINT        NOT NULL DEFAULT 0,
  thumbnail_key      VARCHAR(512),
  thumbnail_size     BIGINT        NOT NULL DEFAULT 0,
  remote_url         VARCHAR(2048),
  remote_preview_url VARCHAR(2048),
  description        VARCHAR(1500),
  focus_x            REAL,
  focus_y            REAL,
  blurhash           VARCHAR(100),
  meta               TEXT,
  last_used_at       BIGINT,
  created_at         BIGINT        NOT NULL,
  updated_at         BIGINT        NOT NULL
);
CREATE INDEX media_attachments_status ON media_attachments (status_id, position);
CREATE INDEX media_attachments_account ON media_attachments (account_id, id);
CREATE INDEX media_attachments_unattached ON media_attachments (created_at) WHERE status_id IS NULL;
CREATE INDEX media_attachments_cached ON media_attachments (last_used_at) WHERE remote_url IS NOT NULL AND file_key IS NOT NULL;

-- The attachments a status had at each edit (Mastodon's ordered_media_attachment_ids), comma-separated ids.
ALTER TABLE status_edits ADD COLUMN media_ids TEXT;
