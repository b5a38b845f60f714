-- A follower's version (marks_versions, V31) also covers whom they follow: a page shows another's followers-only
-- status only to their followers, and StatusViews remembers, per viewer and version, which authors it found
-- followed. Following or unfollowing anyone (any code path, any node) bumps the follower's version in the same
-- transaction, so what was remembered is valid exactly while the version is unchanged. A follow's settings
-- (reblogs, notify, languages) do not change whom one follows and do not bump it. As in V31, rows removed by a
-- cascade (an account deleted) do not bump: the deleted account's statuses are gone with its follows.
-- [jooq ignore start]
CREATE TRIGGER follows_version AFTER INSERT OR DELETE OR UPDATE OF account_id, target_account_id ON follows
  FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION marks_versions_bump();
-- [jooq ignore stop]
