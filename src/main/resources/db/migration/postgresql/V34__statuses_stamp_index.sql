-- SQLite's V34 adds a covering index for the stamps a feed's page reads (statuses_stamp). Not on PostgreSQL: an
-- index holding `version` would end the HOT updates of every count change (a favourite, a reblog, a reply bumps
-- the version), and its page statements plan their own way (bench/README.md, "Timelines and threads").
SELECT 1;
