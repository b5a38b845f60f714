-- A version per account of its marks on statuses: what InteractionRepository.marks reads (its favourites, its
-- reblogs, bookmarks, pins and muted conversations). Every change to those rows bumps it in the same transaction,
-- whatever code made the change, so a cache of a viewer's marks is valid exactly while the version it was read
-- at is still the stored one, on every node. No foreign key: a trigger may fire while the account is deleted.
CREATE TABLE marks_versions (
  account_id  BIGINT  PRIMARY KEY,
  version     BIGINT  NOT NULL
);

-- Rows removed by a cascade (their status or their account deleted) do not bump: (pg_trigger_depth() < 1) is false
-- inside the cascade. Their status is gone, so no page asks for its marks again, and skipping them keeps a large
-- cascade from locking many accounts' versions in an order another transaction could cross.
-- [jooq ignore start]
CREATE FUNCTION marks_versions_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO marks_versions AS m (account_id, version) VALUES (OLD.account_id, 1)
      ON CONFLICT (account_id) DO UPDATE SET version = m.version + 1;
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.account_id IS DISTINCT FROM OLD.account_id) THEN
    INSERT INTO marks_versions AS m (account_id, version) VALUES (NEW.account_id, 1)
      ON CONFLICT (account_id) DO UPDATE SET version = m.version + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER favourites_marks AFTER INSERT OR DELETE OR UPDATE OF account_id, status_id ON favourites
  FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION marks_versions_bump();
CREATE TRIGGER bookmarks_marks AFTER INSERT OR DELETE OR UPDATE OF account_id, status_id ON bookmarks
  FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION marks_versions_bump();
CREATE TRIGGER status_pins_marks AFTER INSERT OR DELETE OR UPDATE OF account_id, status_id ON status_pins
  FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION marks_versions_bump();
CREATE TRIGGER conversation_mutes_marks AFTER INSERT OR DELETE OR UPDATE OF account_id, conversation_id
  ON conversation_mutes FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION marks_versions_bump();
-- A reblog is a status with reblog_of_id: the "reblogged" mark. Other statuses do not bump.
CREATE TRIGGER statuses_marks_insert AFTER INSERT ON statuses
  FOR EACH ROW WHEN (NEW.reblog_of_id IS NOT NULL AND pg_trigger_depth() < 1) EXECUTE FUNCTION marks_versions_bump();
CREATE TRIGGER statuses_marks_delete AFTER DELETE ON statuses
  FOR EACH ROW WHEN (OLD.reblog_of_id IS NOT NULL AND pg_trigger_depth() < 1) EXECUTE FUNCTION marks_versions_bump();
CREATE TRIGGER statuses_marks_update AFTER UPDATE OF account_id, reblog_of_id ON statuses
  FOR EACH ROW WHEN ((OLD.reblog_of_id IS NOT NULL OR NEW.reblog_of_id IS NOT NULL) AND pg_trigger_depth() < 1)
  EXECUTE FUNCTION marks_versions_bump();
-- [jooq ignore stop]
