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
UPDATE requests r
SET origin = 'registered',
    requesting_state_reference = e.payload::jsonb ->> 'requestingStateReference'
FROM request_events e
WHERE e.request_id = r.id AND e.sequence_number = 1 AND e.action_code = 'register-incoming';

-- One gap-free counter per State, register, kind and year; the existing counters are the outgoing registers'.
ALTER TABLE reference_counters ADD COLUMN register varchar(10) NOT NULL DEFAULT 'outgoing'
    CONSTRAINT ck_reference_counters_register CHECK (register IN ('outgoing', 'incoming'));
ALTER TABLE reference_counters ALTER COLUMN register DROP DEFAULT;
ALTER TABLE reference_counters DROP CONSTRAINT reference_counters_pkey;
ALTER TABLE reference_counters ADD PRIMARY KEY (state_iso3, register, kind, year);

-- Annexes are numbered in their request, 1, 2, 3... in upload order (issue 9, finding 5). Existing
-- annexes are numbered in the order they were uploaded. Triggers are set aside for this one backfill,
-- whatever an earlier script made of annexes (append-only, like the timeline).
ALTER TABLE request_attachments ADD COLUMN annex_number integer;
ALTER TABLE request_attachments DISABLE TRIGGER USER;
UPDATE request_attachments a
SET annex_number = numbered.annex_number
FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY request_id ORDER BY uploaded_at, id) AS annex_number
      FROM request_attachments) numbered
WHERE numbered.id = a.id;
ALTER TABLE request_attachments ENABLE TRIGGER USER;
ALTER TABLE request_attachments ALTER COLUMN annex_number SET NOT NULL;
CREATE UNIQUE INDEX ux_request_attachments_number ON request_attachments (request_id, annex_number);
