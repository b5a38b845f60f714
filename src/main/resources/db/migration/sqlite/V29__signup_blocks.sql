-- (Same in the sqlite and postgresql folders.)
-- Who may sign up, as Mastodon's email_domain_blocks, ip_blocks and canonical_email_blocks.
-- An e-mail domain block covers the domain and its subdomains (checked by suffix at sign-up). Each refused sign-up
-- is remembered in email_domain_block_attempts (the block's history: uses and distinct addresses per day).
CREATE TABLE email_domain_blocks (
  id          BIGINT        PRIMARY KEY,
  domain      VARCHAR(255)  NOT NULL,
  created_at  BIGINT        NOT NULL
);
CREATE UNIQUE INDEX email_domain_blocks_domain ON email_domain_blocks (domain);

CREATE TABLE email_domain_block_attempts (
  id                     BIGINT        PRIMARY KEY,
  email_domain_block_id  BIGINT        NOT NULL REFERENCES email_domain_blocks (id) ON DELETE CASCADE,
  ip                     VARCHAR(64),
  created_at             BIGINT        NOT NULL
);
CREATE INDEX email_domain_block_attempts_block ON email_domain_block_attempts (email_domain_block_id, created_at);

-- ip is the canonical CIDR text (10.0.0.0/8, 2001:db8:0:0:0:0:0:0/32); severity: sign_up_requires_approval |
-- sign_up_block | no_access. A block whose expires_at has passed no longer applies and is purged by a recurring job.
CREATE TABLE ip_blocks (
  id          BIGINT        PRIMARY KEY,
  ip          VARCHAR(64)   NOT NULL,
  severity    VARCHAR(32)   NOT NULL,
  comment     TEXT          NOT NULL DEFAULT '',
  expires_at  BIGINT,
  created_at  BIGINT        NOT NULL,
  updated_at  BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ip_blocks_ip ON ip_blocks (ip);

-- canonical_email_hash: SHA-256 (hex) of the address lowercased, with the local part's dots and +tag removed.
CREATE TABLE canonical_email_blocks (
  id                    BIGINT        PRIMARY KEY,
  canonical_email_hash  VARCHAR(64)   NOT NULL,
  reference_account_id  BIGINT        REFERENCES accounts (id) ON DELETE SET NULL,
  created_at            BIGINT        NOT NULL
);
CREATE UNIQUE INDEX canonical_email_blocks_hash ON canonical_email_blocks (canonical_email_hash);
