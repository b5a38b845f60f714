-- (Same as the PostgreSQL folder.) OAuth 2 applications, authorization codes and tokens; web sessions; invites; e-mail tokens.
-- Secrets handed to clients (tokens, codes, session ids, e-mail links) are stored only as SHA-256 hashes.

CREATE TABLE oauth_applications (
  id              BIGINT        PRIMARY KEY,
  name            VARCHAR(255)  NOT NULL,
  website         VARCHAR(2048),
  redirect_uris   TEXT          NOT NULL,
  scopes          VARCHAR(2048) NOT NULL,
  client_id       VARCHAR(64)   NOT NULL,
  client_secret   VARCHAR(64)   NOT NULL,
  owner_id        BIGINT        REFERENCES accounts (id) ON DELETE CASCADE,
  created_at      BIGINT        NOT NULL,
  updated_at      BIGINT        NOT NULL
);
CREATE UNIQUE INDEX oauth_applications_client_id ON oauth_applications (client_id);

CREATE TABLE oauth_access_grants (
  id                     BIGINT        PRIMARY KEY,
  code_hash              VARCHAR(64)   NOT NULL,
  application_id         BIGINT        NOT NULL REFERENCES oauth_applications (id) ON DELETE CASCADE,
  account_id             BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  redirect_uri           VARCHAR(2048) NOT NULL,
  scopes                 VARCHAR(2048) NOT NULL,
  code_challenge         VARCHAR(256),
  code_challenge_method  VARCHAR(16),
  expires_at             BIGINT        NOT NULL,
  used_at                BIGINT,
  created_at             BIGINT        NOT NULL
);
CREATE UNIQUE INDEX oauth_access_grants_code ON oauth_access_grants (code_hash);

CREATE TABLE oauth_access_tokens (
  id              BIGINT        PRIMARY KEY,
  token_hash      VARCHAR(64)   NOT NULL,
  application_id  BIGINT        REFERENCES oauth_applications (id) ON DELETE CASCADE,
  account_id      BIGINT        REFERENCES accounts (id) ON DELETE CASCADE,
  scopes          VARCHAR(2048) NOT NULL,
  grant_id        BIGINT,
  revoked_at      BIGINT,
  last_used_at    BIGINT,
  created_at      BIGINT        NOT NULL
);
CREATE UNIQUE INDEX oauth_access_tokens_token ON oauth_access_tokens (token_hash);
CREATE INDEX oauth_access_tokens_account ON oauth_access_tokens (account_id);
CREATE INDEX oauth_access_tokens_grant ON oauth_access_tokens (grant_id);

CREATE TABLE web_sessions (
  id_hash       VARCHAR(64)   PRIMARY KEY,
  account_id    BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  user_agent    VARCHAR(512),
  ip            VARCHAR(64),
  expires_at    BIGINT        NOT NULL,
  last_seen_at  BIGINT        NOT NULL,
  created_at    BIGINT        NOT NULL
);
CREATE INDEX web_sessions_account ON web_sessions (account_id);

CREATE TABLE invites (
  id          BIGINT       PRIMARY KEY,
  code        VARCHAR(64)  NOT NULL,
  account_id  BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  max_uses    INTEGER,
  uses        INTEGER      NOT NULL DEFAULT 0,
  expires_at  BIGINT,
  revoked_at  BIGINT,
  created_at  BIGINT       NOT NULL
);
CREATE UNIQUE INDEX invites_code ON invites (code);

-- One-time links sent by e-mail: purpose 'confirm' (address confirmation) or 'reset' (password reset).
CREATE TABLE user_tokens (
  token_hash  VARCHAR(64)  PRIMARY KEY,
  account_id  BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  purpose     VARCHAR(16)  NOT NULL,
  expires_at  BIGINT       NOT NULL,
  used_at     BIGINT,
  created_at  BIGINT       NOT NULL
);
CREATE INDEX user_tokens_account ON user_tokens (account_id, purpose);

ALTER TABLE users ADD COLUMN invite_id BIGINT;
ALTER TABLE users ADD COLUMN default_privacy VARCHAR(16) NOT NULL DEFAULT 'public';
ALTER TABLE users ADD COLUMN default_sensitive BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN default_language VARCHAR(16);
ALTER TABLE users ADD COLUMN approved_at BIGINT;
CREATE INDEX users_pending ON users (approved, created_at);
