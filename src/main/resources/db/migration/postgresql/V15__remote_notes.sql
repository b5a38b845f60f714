-- Remote notes (federation/note). A reply whose parent could not be had yet keeps the parent's id here, so the
-- thread can be completed later (the parent arriving, or a backfill when someone opens the thread): Mastodon's
-- ThreadResolveWorker works from the same URI. NULL once resolved, and for every local status.
ALTER TABLE statuses ADD COLUMN in_reply_to_uri VARCHAR(2048);
CREATE INDEX statuses_in_reply_to_uri ON statuses (in_reply_to_uri);

-- A remote poll's votes per option, as its server last told them (Mastodon's polls.cached_tallies), a JSON array
-- of integers in option order. NULL for local polls, whose counts come from poll_votes.
ALTER TABLE polls ADD COLUMN cached_tallies TEXT;

-- A remote thread's id (the note's `context` or `conversation`), so its replies join one conversation.
CREATE INDEX conversations_uri ON conversations (uri);
