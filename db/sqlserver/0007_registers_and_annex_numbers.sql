-- Registers per State (issue 9, finding 3). A request the requested State registers on receipt is numbered
-- in that State's incoming register (SEN/IN/MLA/2026/0001), never in the requesting State's own
-- (outgoing) one, and keeps the requesting State's reference as written. Its origin decides who may act
-- for the requesting State, so it is stored, never inferred.
ALTER TABLE requests ADD origin nvarchar(20) NOT NULL CONSTRAINT df_requests_origin DEFAULT 'drafted'
    CONSTRAINT ck_requests_origin CHECK (origin IN ('drafted', 'registered'));
ALTER TABLE requests ADD requesting_state_reference nvarchar(200) NULL;
GO

-- Requests registered before this script were numbered in the requesting State's outgoing register:
-- they keep that number (it was quoted in letters, and the timeline's hashed events hold it), but are
-- registered ones from now on, with the reference the register-incoming event recorded.
UPDATE r
SET origin = 'registered',
    requesting_state_reference = JSON_VALUE(e.payload, '$.requestingStateReference')
FROM requests r
JOIN request_events e ON e.request_id = r.id AND e.sequence_number = 1 AND e.action_code = 'register-incoming';
GO

-- One gap-free counter per State, register, kind and year; the existing counters are the outgoing registers'.
ALTER TABLE reference_counters ADD register nvarchar(10) NOT NULL CONSTRAINT df_reference_counters_register DEFAULT 'outgoing'
    CONSTRAINT ck_reference_counters_register CHECK (register IN ('outgoing', 'incoming'));
ALTER TABLE reference_counters DROP CONSTRAINT df_reference_counters_register;
DECLARE @primary_key nvarchar(300) = (
    SELECT name FROM sys.key_constraints WHERE type = 'PK' AND parent_object_id = OBJECT_ID('reference_counters'));
DECLARE @drop_primary_key nvarchar(400) = N'ALTER TABLE reference_counters DROP CONSTRAINT ' + QUOTENAME(@primary_key);
EXEC sp_executesql @drop_primary_key;
GO
ALTER TABLE reference_counters ADD CONSTRAINT pk_reference_counters PRIMARY KEY (state_iso3, register, kind, year);
GO

-- Annexes are numbered in their request, 1, 2, 3... in upload order (issue 9, finding 5). Existing
-- annexes are numbered in the order they were uploaded. Triggers are set aside for this one backfill,
-- whatever an earlier script made of annexes (append-only, like the timeline).
ALTER TABLE request_attachments ADD annex_number integer NULL;
GO
DISABLE TRIGGER ALL ON request_attachments;
UPDATE a
SET annex_number = numbered.annex_number
FROM request_attachments a
JOIN (SELECT id, ROW_NUMBER() OVER (PARTITION BY request_id ORDER BY uploaded_at, id) AS annex_number
      FROM request_attachments) numbered ON numbered.id = a.id;
ENABLE TRIGGER ALL ON request_attachments;
ALTER TABLE request_attachments ALTER COLUMN annex_number integer NOT NULL;
CREATE UNIQUE INDEX ux_request_attachments_number ON request_attachments (request_id, annex_number);
GO
