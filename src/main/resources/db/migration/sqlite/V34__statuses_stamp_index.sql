-- A feed's page reads each entry's status and reblogged status by id for their stamps only (id, version,
-- reblog_of_id): through this covering index that is one b-tree descent per status instead of two (the primary
-- key's index, then the table, as `id BIGINT PRIMARY KEY` is not SQLite's rowid). The page statements name it
-- (StatusRepository.stampSource): SQLite's planner prefers the unique primary key index without statistics.
CREATE INDEX statuses_stamp ON statuses (id, version, reblog_of_id);
