-- The reblog index holds reblogs only. As a full index its statistics (about 21 rows per reblog_of_id, averaged
-- over a NULL group of ~90 % of the rows) made SQLite's planner walk it for "reblog_of_id IS NULL" and sort every
-- original status to answer a page of the public timeline (seconds on a million statuses). Lookups by
-- reblog_of_id = ? or IN (...) imply NOT NULL and still use it; uniqueness among reblogs is unchanged.
DROP INDEX statuses_reblog;
CREATE UNIQUE INDEX statuses_reblog ON statuses (reblog_of_id, account_id) WHERE reblog_of_id IS NOT NULL;

-- The few suspended and silenced accounts, found by index: public timelines leave their statuses out with
-- NOT EXISTS, which PostgreSQL otherwise answered with a scan of every account per query.
CREATE INDEX accounts_suspended ON accounts (id) WHERE suspended_at IS NOT NULL;
CREATE INDEX accounts_silenced ON accounts (id) WHERE silenced_at IS NOT NULL;
