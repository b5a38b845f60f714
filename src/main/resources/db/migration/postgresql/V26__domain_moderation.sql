-- (Same in the sqlite and postgresql folders.)
-- Server-wide domain moderation, as Mastodon's domain_blocks and domain_allows. A block covers the domain and its
-- subdomains; severity is silence (Mastodon's "limit"), suspend or noop. Accounts silenced or suspended by a block
-- carry the block's created_at as their silenced_at / suspended_at, so lifting it clears only those (as Mastodon's
-- UnblockDomainService does). domain_allows is the allow list of limited federation (STARLING_LIMITED_FEDERATION).
CREATE TABLE domain_blocks (
  id               BIGINT         PRIMARY KEY,
  domain           VARCHAR(255)   NOT NULL,
  severity         VARCHAR(16)    NOT NULL,
  reject_media     BOOLEAN        NOT NULL DEFAULT FALSE,
  reject_reports   BOOLEAN        NOT NULL DEFAULT FALSE,
  private_comment  VARCHAR(2048),
  public_comment   VARCHAR(2048),
  obfuscate        BOOLEAN        NOT NULL DEFAULT FALSE,
  created_at       BIGINT         NOT NULL,
  updated_at       BIGINT         NOT NULL
);
CREATE UNIQUE INDEX domain_blocks_domain ON domain_blocks (domain);

CREATE TABLE domain_allows (
  id          BIGINT         PRIMARY KEY,
  domain      VARCHAR(255)   NOT NULL,
  created_at  BIGINT         NOT NULL
);
CREATE UNIQUE INDEX domain_allows_domain ON domain_allows (domain);
