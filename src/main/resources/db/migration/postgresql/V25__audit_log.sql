-- (Same in the sqlite and postgresql folders.)
-- Every moderation action, as Mastodon's admin_action_logs: who (account_id) did what (action: suspend, resolve,
-- create, destroy ...) to which target (target_type: Account, Report, DomainBlock ...; target_id), with a human
-- identifier that survives the target's deletion (the acct, the domain, the report's number).
CREATE TABLE admin_action_logs (
  id                BIGINT        PRIMARY KEY,
  account_id        BIGINT        NOT NULL,
  action            VARCHAR(64)   NOT NULL,
  target_type       VARCHAR(64)   NOT NULL,
  target_id         BIGINT,
  human_identifier  VARCHAR(512),
  created_at        BIGINT        NOT NULL
);
CREATE INDEX admin_action_logs_account ON admin_action_logs (account_id, id);
CREATE INDEX admin_action_logs_target ON admin_action_logs (target_type, target_id);
