-- Lists of one's favourites and bookmarks page by the favourite's / bookmark's id (as Mastodon's
-- index_favourites_on_account_id_and_id): without these, each page sorts all of an account's rows.
CREATE INDEX favourites_account_id ON favourites (account_id, id);
CREATE INDEX bookmarks_account_id ON bookmarks (account_id, id);
