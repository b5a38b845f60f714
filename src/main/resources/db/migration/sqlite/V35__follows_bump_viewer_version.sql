-- A follower's version (marks_versions, V31) also covers whom they follow: a page shows another's followers-only
-- status only to their followers, and StatusViews remembers, per viewer and version, which authors it found
-- followed. Following or unfollowing anyone (any code path, any node) bumps the follower's version in the same
-- transaction, so what was remembered is valid exactly while the version is unchanged. A follow's settings
-- (reblogs, notify, languages) do not change whom one follows and do not bump it.
CREATE TRIGGER follows_version_insert AFTER INSERT ON follows BEGIN
  INSERT INTO marks_versions (account_id, version) VALUES (NEW.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER follows_version_delete AFTER DELETE ON follows BEGIN
  INSERT INTO marks_versions (account_id, version) VALUES (OLD.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER follows_version_update AFTER UPDATE OF account_id, target_account_id ON follows BEGIN
  INSERT INTO marks_versions (account_id, version) VALUES (OLD.account_id, 1), (NEW.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = version + 1;
END;
