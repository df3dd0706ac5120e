-- Search at a million requests (issue 10): a search reads only the caller's State's matches.
-- A search term carries the request's two States, so each side of the caller's State (the requests it
-- sent, those sent to it: RequestSide) reads its own State's range of a word, (State, term, request),
-- instead of every State's range followed by each request's row before the visibility check. Two
-- columns on the one row rather than a row per side: the rows stay one per term and request, the
-- primary key and the delete by request stay as they are, and each side has an index of its own to
-- read. RequestStore writes them with the terms at every step's end, so a draft whose requested State
-- changed holds the new State from its next event (the update itself), in the same transaction.
ALTER TABLE request_search_terms ADD COLUMN requesting_state char(3);
ALTER TABLE request_search_terms ADD COLUMN requested_state char(3);

UPDATE request_search_terms t
SET requesting_state = r.requesting_state, requested_state = r.requested_state
FROM requests r
WHERE r.id = t.request_id;

ALTER TABLE request_search_terms ALTER COLUMN requesting_state SET NOT NULL, ALTER COLUMN requested_state SET NOT NULL;
CREATE INDEX ix_request_search_terms_requesting ON request_search_terms (requesting_state, term, request_id);
CREATE INDEX ix_request_search_terms_requested ON request_search_terms (requested_state, term, request_id);

-- A page of a State's requests with given statuses, in order of creation (the default sort), read
-- from the index alone: the side's State, the status, then the creation instant and the id the page
-- is ordered by (ties by id), and whether the request was discarded, which every search excludes.
-- The list sorts and pages these entries and reads only the page's rows (a deferred join: see
-- RequestSearch.PageSql). They replace the indexes of 0003 on (State, status, created_at), which they
-- extend: whatever used those uses these.
DROP INDEX ix_requests_requesting;
DROP INDEX ix_requests_requested;
CREATE INDEX ix_requests_requesting_by_status ON requests (requesting_state, status, created_at, id, discarded_at);
CREATE INDEX ix_requests_requested_by_status ON requests (requested_state, status, created_at, id, discarded_at);
