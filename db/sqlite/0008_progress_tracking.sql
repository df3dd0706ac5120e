-- Progress tracking (issue 10, parts 1-4): deadlines, search and related requests.
-- Deadlines are computed in C# (Mla.Domain.Progress.DeadlineRules) whenever a request's timeline moves
-- and stored here by RequestStore, the one place that writes the request row, so a list can filter
-- "overdue" with an index and shows exactly the deadlines the request itself shows. None of these
-- columns is part of the record the chain seals: they follow from it. Requests that exist get them at
-- their next event.

-- The due date of each deadline that runs now (null when it does not), the earliest of them, and the
-- pauses of the request's clock since transmission (for daysPending).
ALTER TABLE requests ADD COLUMN receipt_due_on text;
ALTER TABLE requests ADD COLUMN update_due_on text;
ALTER TABLE requests ADD COLUMN time_limit_due_on text;
ALTER TABLE requests ADD COLUMN arrest_expires_on text;
ALTER TABLE requests ADD COLUMN next_due_on text;
ALTER TABLE requests ADD COLUMN paused_since text;
ALTER TABLE requests ADD COLUMN paused_days integer NOT NULL DEFAULT 0;
-- "Overdue" per kind and of any kind, on each side of the caller's State: only rows with a running
-- deadline are indexed.
CREATE INDEX ix_requests_requesting_receipt ON requests (requesting_state, receipt_due_on) WHERE receipt_due_on IS NOT NULL;
CREATE INDEX ix_requests_requested_receipt ON requests (requested_state, receipt_due_on) WHERE receipt_due_on IS NOT NULL;
CREATE INDEX ix_requests_requesting_update ON requests (requesting_state, update_due_on) WHERE update_due_on IS NOT NULL;
CREATE INDEX ix_requests_requested_update ON requests (requested_state, update_due_on) WHERE update_due_on IS NOT NULL;
CREATE INDEX ix_requests_requesting_time_limit ON requests (requesting_state, time_limit_due_on) WHERE time_limit_due_on IS NOT NULL;
CREATE INDEX ix_requests_requested_time_limit ON requests (requested_state, time_limit_due_on) WHERE time_limit_due_on IS NOT NULL;
CREATE INDEX ix_requests_requesting_arrest ON requests (requesting_state, arrest_expires_on) WHERE arrest_expires_on IS NOT NULL;
CREATE INDEX ix_requests_requested_arrest ON requests (requested_state, arrest_expires_on) WHERE arrest_expires_on IS NOT NULL;
CREATE INDEX ix_requests_requesting_next_due ON requests (requesting_state, next_due_on) WHERE next_due_on IS NOT NULL;
CREATE INDEX ix_requests_requested_next_due ON requests (requested_state, next_due_on) WHERE next_due_on IS NOT NULL;

-- Sorting a State's requests by date or reference, ties broken by id, and "changed in the last 7 days".
CREATE INDEX ix_requests_requesting_by_created ON requests (requesting_state, created_at, id);
CREATE INDEX ix_requests_requested_by_created ON requests (requested_state, created_at, id);
CREATE INDEX ix_requests_requesting_by_updated ON requests (requesting_state, updated_at, id);
CREATE INDEX ix_requests_requested_by_updated ON requests (requested_state, updated_at, id);
CREATE INDEX ix_requests_requesting_by_transmitted ON requests (requesting_state, transmitted_on, id);
CREATE INDEX ix_requests_requested_by_transmitted ON requests (requested_state, transmitted_on, id);
CREATE INDEX ix_requests_requesting_by_reference ON requests (requesting_state, reference_number, id);
CREATE INDEX ix_requests_requested_by_reference ON requests (requested_state, reference_number, id);

-- Filters on the content's lists: from the code to the requests.
CREATE INDEX ix_request_offences_category_request ON request_offences (category_code, request_id);
CREATE INDEX ix_request_legal_bases_code_request ON request_legal_bases (legal_basis_code, request_id);
-- Free-text search: the words of a request's reference numbers, subject and persons' names, folded
-- in C# (lower case, accents removed: Mla.Domain.Progress.SearchText), so every engine holds the same
-- terms. A word typed is matched as a prefix by a range on the binary-collated term (term >= 'trao'
-- AND term < 'trap'), which every engine serves from the primary key.
CREATE TABLE request_search_terms (
    term        varchar(60) NOT NULL,
    request_id  text NOT NULL REFERENCES requests (id),
    PRIMARY KEY (term, request_id)
);
CREATE INDEX ix_request_search_terms_request ON request_search_terms (request_id);

-- Keys telling that two requests concern the same person (Mla.Domain.Progress.PersonKeys): the
-- identity document folded, and the name's phonetic key. Personal data: never logged.
CREATE TABLE request_person_keys (
    request_id  text NOT NULL REFERENCES requests (id),
    ordinal     integer NOT NULL,
    key_kind    varchar(10) NOT NULL,
    key_value   varchar(200) NOT NULL,
    PRIMARY KEY (request_id, ordinal, key_kind),
    CONSTRAINT ck_request_person_keys_kind CHECK (key_kind IN ('name', 'document'))
);
CREATE INDEX ix_request_person_keys_value ON request_person_keys (key_kind, key_value, request_id);
