-- Registers per State (issue 9, finding 3). A request the requested State registers on receipt is numbered
-- in that State's incoming register (SEN/IN/MLA/2026/0001), never in the requesting State's own
-- (outgoing) one, and keeps the requesting State's reference as written. Its origin decides who may act
-- for the requesting State, so it is stored, never inferred.
ALTER TABLE requests ADD COLUMN origin varchar(20) NOT NULL DEFAULT 'drafted'
    CONSTRAINT ck_requests_origin CHECK (origin IN ('drafted', 'registered'));
ALTER TABLE requests ADD COLUMN requesting_state_reference varchar(200);

-- Requests registered before this script were numbered in the requesting State's outgoing register:
-- they keep that number (it was quoted in letters, and the timeline's hashed events hold it), but are
-- registered ones from now on, with the reference the register-incoming event recorded.
UPDATE requests
SET origin = 'registered',
    requesting_state_reference = (
        SELECT json_extract(e.payload, '$.requestingStateReference') FROM request_events e
        WHERE e.request_id = requests.id AND e.sequence_number = 1)
WHERE id IN (SELECT request_id FROM request_events WHERE sequence_number = 1 AND action_code = 'register-incoming');

-- One gap-free counter per State, register, kind and year. SQLite cannot change a primary key in
-- place: the table is rebuilt, its counters becoming those of the outgoing registers.
CREATE TABLE reference_counters_by_register (
    state_iso3   char(3)     NOT NULL,
    register     varchar(10) NOT NULL,
    kind         varchar(30) NOT NULL,
    year         integer     NOT NULL,
    last_number  integer     NOT NULL,
    PRIMARY KEY (state_iso3, register, kind, year),
    CONSTRAINT ck_reference_counters_register CHECK (register IN ('outgoing', 'incoming'))
);
INSERT INTO reference_counters_by_register (state_iso3, register, kind, year, last_number)
SELECT state_iso3, 'outgoing', kind, year, last_number FROM reference_counters;
DROP TABLE reference_counters;
ALTER TABLE reference_counters_by_register RENAME TO reference_counters;

-- Annexes are numbered in their request, 1, 2, 3... in upload order (issue 9, finding 5). Existing
-- annexes are numbered in the order they were uploaded. Annexes are append-only (issue 9): SQLite
-- cannot set a trigger aside, so the one refusing UPDATE is dropped for this backfill and put back as
-- it was written (0006_record_chain.sql), or created here if that script did not.
ALTER TABLE request_attachments ADD COLUMN annex_number integer;
DROP TRIGGER IF EXISTS request_attachments_no_update;
UPDATE request_attachments
SET annex_number = (
    SELECT COUNT(*) FROM request_attachments earlier
    WHERE earlier.request_id = request_attachments.request_id
      AND (earlier.uploaded_at < request_attachments.uploaded_at
           OR (earlier.uploaded_at = request_attachments.uploaded_at AND earlier.id <= request_attachments.id)));
CREATE TRIGGER request_attachments_no_update BEFORE UPDATE ON request_attachments
BEGIN
    SELECT RAISE(ABORT, 'request_attachments is append-only: UPDATE is not allowed');
END;
-- SQLite cannot make the added column NOT NULL; the insert always gives it, and the index keeps it unique.
CREATE UNIQUE INDEX ux_request_attachments_number ON request_attachments (request_id, annex_number);
