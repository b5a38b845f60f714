-- A status's quote facts (how many accepted quotes it has, whether it quotes something) change with the rows of
-- quotes, not with the status row: bump the version of both statuses a quote row names, so that caches checked
-- against the version (StatusCache) hold the facts too and a page need not read them for every status. Fires for
-- every change, cascades included (a quoted status deleted sets quoted_status_id to NULL: the quoting one changes).
-- [jooq ignore start]
CREATE FUNCTION quotes_versions_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE statuses SET version = version + 1 WHERE id IN (OLD.status_id, OLD.quoted_status_id);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE statuses SET version = version + 1 WHERE id IN (NEW.status_id, NEW.quoted_status_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER quotes_versions AFTER INSERT OR DELETE OR UPDATE OF status_id, quoted_status_id, state ON quotes
  FOR EACH ROW EXECUTE FUNCTION quotes_versions_bump();
-- [jooq ignore stop]
