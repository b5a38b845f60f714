-- (Same as the PostgreSQL folder.)
-- Outbound delivery (federation/delivery). An activity is rendered once and stored here; each inbox it goes to is
-- one job in the delivery lane that names it. pending counts the deliveries not yet settled (sent, given up or
-- dropped); the row is deleted when it reaches 0, and a daily sweep removes what a lost job left behind.
CREATE TABLE delivery_activities (
  id          BIGINT   PRIMARY KEY,
  account_id  BIGINT   NOT NULL,
  body        TEXT     NOT NULL,
  pending     INTEGER  NOT NULL,
  created_at  BIGINT   NOT NULL
);
CREATE INDEX delivery_activities_created ON delivery_activities (created_at);

-- The health of each remote host we deliver to, by authority (host, or host:port when the inbox URL names a
-- port). failures counts consecutive failed deliveries; resume_at is the end of the circuit breaker's cool-down;
-- unavailable_since is set after days of failure (deliveries are dropped until the host answers or contacts us).
CREATE TABLE remote_hosts (
  domain             VARCHAR(255)  PRIMARY KEY,
  failures           INTEGER       NOT NULL DEFAULT 0,
  first_failure_at   BIGINT,
  last_failure_at    BIGINT,
  resume_at          BIGINT,
  unavailable_since  BIGINT,
  last_success_at    BIGINT,
  updated_at         BIGINT        NOT NULL
);
