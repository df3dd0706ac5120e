-- Search at a million requests (issue 10): a word's matches are looked up by id without reading rows.
-- A free-text search takes its matches' ids from the terms (0013), then needs, for each, what decides
-- whether it is on the caller's side (the two States, the status, whether it was discarded) and the
-- creation instant it is sorted by; counting a common surname's matches up to the cap and sorting a
-- page of them read each of those requests' rows, a random read of a wide row per match (about 1,700
-- for "traore" on one State at 1,000,000 requests). With those columns included beside the id the
-- lookups read a narrow index instead of the clustered rows.
CREATE INDEX ix_requests_id_lookup ON requests (id) INCLUDE (requesting_state, requested_state, status, discarded_at, created_at);
