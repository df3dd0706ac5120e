-- Progress at a million requests (issue 10, part 8): counts that do not grow with the register.
-- How many requests each pair of States has, per kind and status, kept by RequestStore in the same
-- transaction as every change of a request's status, kind, requested State or discarding
-- (RequestTallies), so the dashboard's counts and a list's total read a few rows of this table instead
-- of counting the requests. Discarded drafts are not counted. Derived data, outside what the chain
-- seals: it can be rebuilt at any time from the requests (the statement below, also run by the
-- synthetic seeder after it writes).
CREATE TABLE request_tallies (
    requesting_state  char(3) NOT NULL,
    requested_state   char(3) NOT NULL,
    kind              varchar(30) NOT NULL,
    status            varchar(30) NOT NULL,
    requests          bigint NOT NULL,
    PRIMARY KEY (requesting_state, requested_state, kind, status)
);

INSERT INTO request_tallies (requesting_state, requested_state, kind, status, requests)
SELECT requesting_state, requested_state, kind, status, COUNT(*)
FROM requests
WHERE discarded_at IS NULL
GROUP BY requesting_state, requested_state, kind, status;

-- The oldest pending request of each pair of States (the dashboard's "oldest pending per counterpart"):
-- only pending requests are indexed, in the order of their transmission, so the dashboard reads the
-- first entry of each pair. The list of statuses is written exactly as the dashboard's query writes it
-- (GetDashboardHandler.PendingStatuses): SQLite uses a partial index only for a query that repeats its condition.
CREATE INDEX ix_requests_pending_by_pair ON requests (requested_state, requesting_state, transmitted_on, id)
    WHERE status IN ('transmitted', 'received', 'in-execution', 'awaiting-information', 'postponed');
