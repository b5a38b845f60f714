-- A status's quote facts (how many accepted quotes it has, whether it quotes something) change with the rows of
-- quotes, not with the status row: bump the version of both statuses a quote row names, so that caches checked
-- against the version (StatusCache) hold the facts too and a page need not read them for every status. Fires for
-- every change, cascades included (a quoted status deleted sets quoted_status_id to NULL: the quoting one changes).
CREATE TRIGGER quotes_versions_insert AFTER INSERT ON quotes BEGIN
  UPDATE statuses SET version = version + 1 WHERE id IN (NEW.status_id, NEW.quoted_status_id);
END;
CREATE TRIGGER quotes_versions_delete AFTER DELETE ON quotes BEGIN
  UPDATE statuses SET version = version + 1 WHERE id IN (OLD.status_id, OLD.quoted_status_id);
END;
CREATE TRIGGER quotes_versions_update AFTER UPDATE OF status_id, quoted_status_id, state ON quotes BEGIN
  UPDATE statuses SET version = version + 1
    WHERE id IN (OLD.status_id, OLD.quoted_status_id, NEW.status_id, NEW.quoted_status_id);
END;
