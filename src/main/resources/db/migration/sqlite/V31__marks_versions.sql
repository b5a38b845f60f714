-- A version per account of its marks on statuses: what InteractionRepository.marks reads (its favourites, its
-- reblogs, bookmarks, pins and muted conversations). Every change to those rows bumps it in the same transaction,
-- whatever code made the change, so a cache of a viewer's marks is valid exactly while the version it was read
-- at is still the stored one, on every node. No foreign key: a trigger may fire while the account is deleted.
CREATE TABLE marks_versions (
  account_id  BIGINT  PRIMARY KEY,
  version     BIGINT  NOT NULL
);

CREATE TRIGGER favourites_marks_insert AFTER INSERT ON favourites BEGIN
  INSERT INTO marks_versions (account_id, version) VALUES (NEW.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER favourites_marks_delete AFTER DELETE ON favourites BEGIN
  INSERT INTO marks_versions (account_id, version) VALUES (OLD.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER favourites_marks_update AFTER UPDATE OF account_id, status_id ON favourites BEGIN
  INSERT INTO marks_versions (account_id, version) VALUES (OLD.account_id, 1), (NEW.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER bookmarks_marks_insert AFTER INSERT ON bookmarks BEGIN
  INSERT INTO marks_versions (account_id, version) VALUES (NEW.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bookmarks_marks_delete AFTER DELETE ON bookmarks BEGIN
  INSERT INTO marks_versions (account_id, version) VALUES (OLD.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bookmarks_marks_update AFTER UPDATE OF account_id, status_id ON bookmarks BEGIN
  INSERT INTO marks_versions (account_id, version) VALUES (OLD.account_id, 1), (NEW.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER status_pins_marks_insert AFTER INSERT ON status_pins BEGIN
  INSERT INTO marks_versions (account_id, version) VALUES (NEW.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER status_pins_marks_delete AFTER DELETE ON status_pins BEGIN
  INSERT INTO marks_versions (account_id, version) VALUES (OLD.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER status_pins_marks_update AFTER UPDATE OF account_id, status_id ON status_pins BEGIN
  INSERT INTO marks_versions (account_id, version) VALUES (OLD.account_id, 1), (NEW.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER conversation_mutes_marks_insert AFTER INSERT ON conversation_mutes BEGIN
  INSERT INTO marks_versions (account_id, version) VALUES (NEW.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER conversation_mutes_marks_delete AFTER DELETE ON conversation_mutes BEGIN
  INSERT INTO marks_versions (account_id, version) VALUES (OLD.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER conversation_mutes_marks_update AFTER UPDATE OF account_id, conversation_id ON conversation_mutes BEGIN
  INSERT INTO marks_versions (account_id, version) VALUES (OLD.account_id, 1), (NEW.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = version + 1;
END;

-- A reblog is a status with reblog_of_id: the "reblogged" mark. Other statuses do not bump.
CREATE TRIGGER statuses_marks_insert AFTER INSERT ON statuses WHEN NEW.reblog_of_id IS NOT NULL BEGIN
  INSERT INTO marks_versions (account_id, version) VALUES (NEW.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER statuses_marks_delete AFTER DELETE ON statuses WHEN OLD.reblog_of_id IS NOT NULL BEGIN
  INSERT INTO marks_versions (account_id, version) VALUES (OLD.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER statuses_marks_update AFTER UPDATE OF account_id, reblog_of_id ON statuses
  WHEN OLD.reblog_of_id IS NOT NULL OR NEW.reblog_of_id IS NOT NULL BEGIN
  INSERT INTO marks_versions (account_id, version) VALUES (OLD.account_id, 1), (NEW.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = version + 1;
END;
