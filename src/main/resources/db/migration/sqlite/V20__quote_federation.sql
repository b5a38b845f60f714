-- (Same in the sqlite and postgresql folders.)
-- FEP-044f across servers: an Accept or Reject names our QuoteRequest by its id (activity_uri), and a Delete names
-- a QuoteAuthorization by its id (approval_uri); both are looked up on every such inbound activity.
CREATE INDEX quotes_activity_uri ON quotes (activity_uri);
CREATE INDEX quotes_approval_uri ON quotes (approval_uri);
