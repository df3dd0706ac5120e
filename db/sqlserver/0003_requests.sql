-- Requests, their content, their append-only timeline, documents and annexes.

CREATE TABLE requests (
    id                          uniqueidentifier          NOT NULL PRIMARY KEY,
    reference_number            nvarchar(40),
    kind                        nvarchar(30)   NOT NULL,
    status                      nvarchar(30)   NOT NULL,
    requesting_state            char(3)       NOT NULL,
    requested_state             char(3)       NOT NULL,
    requesting_authority_id     uniqueidentifier          REFERENCES authorities (id),
    investigating_authority_name     nvarchar(300),
    investigating_authority_function nvarchar(300),
    subject                     nvarchar(2000),
    facts                       nvarchar(max),
    purpose                     nvarchar(max),
    urgency                     nvarchar(10)   NOT NULL DEFAULT 'normal',
    urgency_reason              nvarchar(max),
    time_limit                  date,
    language_code               nvarchar(3),
    confidential                bit       NOT NULL DEFAULT 0,
    supplements_request_id      uniqueidentifier          REFERENCES requests (id),
    bilateral_treaty_name       nvarchar(500),
    extradition_purpose         nvarchar(20),
    warrant_issuing_authority   nvarchar(300),
    warrant_date                date,
    warrant_reference           nvarchar(200),
    judgment_issuing_authority  nvarchar(300),
    judgment_date               date,
    judgment_reference          nvarchar(200),
    sentence_remaining          nvarchar(500),
    enforceable_sentence_proof  nvarchar(max),
    retrial_in_absentia         nvarchar(max),
    extradition_will_be_requested bit     NOT NULL DEFAULT 0,
    transmission_channel        nvarchar(30),
    transmitted_on              date,
    received_on                 date,
    requested_side_reference    nvarchar(200),
    executing_authority         nvarchar(300),
    extradition_decision        nvarchar(20),
    provisional_arrest_on       date,
    surrendered_on              date,
    closed_on                   date,
    created_by                  uniqueidentifier          NOT NULL REFERENCES users (id),
    created_at                  datetimeoffset(6)   NOT NULL,
    updated_at                  datetimeoffset(6)   NOT NULL,
    discarded_at                datetimeoffset(6),
    version                     integer       NOT NULL DEFAULT 1,
    CONSTRAINT ck_requests_kind CHECK (kind IN ('mla', 'extradition', 'provisional-arrest')),
    CONSTRAINT ck_requests_status CHECK (status IN ('draft', 'transmitted', 'received', 'in-execution',
        'awaiting-information', 'postponed', 'executed', 'partially-executed', 'refused', 'withdrawn')),
    CONSTRAINT ck_requests_states CHECK (requesting_state <> requested_state
        AND requesting_state COLLATE Latin1_General_BIN2 = upper(requesting_state) AND requested_state COLLATE Latin1_General_BIN2 = upper(requested_state)),
    CONSTRAINT ck_requests_urgency CHECK (urgency IN ('normal', 'urgent')),
    CONSTRAINT ck_requests_channel CHECK (transmission_channel IS NULL OR transmission_channel IN
        ('central-authority', 'diplomatic', 'interpol', 'focal-point', 'direct-judicial', 'electronic')),
    CONSTRAINT ck_requests_extradition_purpose CHECK (extradition_purpose IS NULL OR extradition_purpose IN ('prosecution', 'sentence')),
    CONSTRAINT ck_requests_extradition_decision CHECK (extradition_decision IS NULL OR extradition_decision IN ('granted', 'partly-granted', 'refused')),
    CONSTRAINT ck_requests_version CHECK (version >= 1)
);
CREATE UNIQUE INDEX ux_requests_reference_number ON requests (reference_number) WHERE reference_number IS NOT NULL;
-- The two lookups every list makes: "my State's outgoing" and "my State's incoming", newest first.
CREATE INDEX ix_requests_requesting ON requests (requesting_state, status, created_at);
CREATE INDEX ix_requests_requested ON requests (requested_state, status, created_at);
CREATE INDEX ix_requests_supplements ON requests (supplements_request_id);

-- Gap-free reference numbers per State, kind and year: incremented inside the transaction that
-- assigns the number, so concurrent transactions serialise on the row.
CREATE TABLE reference_counters (
    state_iso3   char(3)     NOT NULL,
    kind         nvarchar(30) NOT NULL,
    year         integer     NOT NULL,
    last_number  integer     NOT NULL,
    PRIMARY KEY (state_iso3, kind, year)
);

CREATE TABLE request_legal_bases (
    request_id        uniqueidentifier        NOT NULL REFERENCES requests (id),
    ordinal           integer     NOT NULL,
    legal_basis_code  nvarchar(60) NOT NULL REFERENCES legal_bases (code),
    PRIMARY KEY (request_id, ordinal)
);
CREATE INDEX ix_request_legal_bases_code ON request_legal_bases (legal_basis_code);

CREATE TABLE request_offences (
    request_id       uniqueidentifier          NOT NULL REFERENCES requests (id),
    ordinal          integer       NOT NULL,
    category_code    nvarchar(60)   NOT NULL REFERENCES offence_categories (code),
    description      nvarchar(max),
    legal_provision  nvarchar(max),
    max_penalty      nvarchar(500),
    PRIMARY KEY (request_id, ordinal)
);
CREATE INDEX ix_request_offences_category ON request_offences (category_code);

-- Persons concerned: personal data. Never logged, never exported in statistics.
CREATE TABLE request_persons (
    request_id         uniqueidentifier          NOT NULL REFERENCES requests (id),
    ordinal            integer       NOT NULL,
    role_code          nvarchar(60)   NOT NULL REFERENCES person_roles (code),
    full_name          nvarchar(300),
    nationality        char(3),
    date_of_birth      date,
    location           nvarchar(500),
    identity_document  nvarchar(300),
    PRIMARY KEY (request_id, ordinal)
);

CREATE TABLE request_assistance_items (
    request_id        uniqueidentifier          NOT NULL REFERENCES requests (id),
    ordinal           integer       NOT NULL,
    type_code         nvarchar(60)   NOT NULL REFERENCES assistance_types (code),
    description       nvarchar(max),
    special_procedure nvarchar(max),
    outcome           nvarchar(30),
    outcome_note      nvarchar(max),
    PRIMARY KEY (request_id, ordinal),
    CONSTRAINT ck_request_assistance_items_outcome CHECK (outcome IS NULL OR outcome IN ('executed', 'partially-executed', 'not-executed'))
);
CREATE INDEX ix_request_assistance_items_type ON request_assistance_items (type_code);

CREATE TABLE request_refusal_grounds (
    request_id    uniqueidentifier        NOT NULL REFERENCES requests (id),
    applies_to    nvarchar(20) NOT NULL,
    ground_code   nvarchar(60) NOT NULL,
    PRIMARY KEY (request_id, applies_to, ground_code),
    FOREIGN KEY (applies_to, ground_code) REFERENCES refusal_grounds (applies_to, code)
);

-- The timeline: append-only and tamper-evident. Each event's hash is SHA-256 over the previous
-- event's hash and its own canonical content; the triggers below reject UPDATE and DELETE.
CREATE TABLE request_events (
    request_id       uniqueidentifier          NOT NULL REFERENCES requests (id),
    sequence_number  integer       NOT NULL,
    action_code      nvarchar(40)   NOT NULL,
    from_status      nvarchar(30),
    to_status        nvarchar(30)   NOT NULL,
    actor_user_id    uniqueidentifier          NOT NULL REFERENCES users (id),
    actor_role       nvarchar(30)   NOT NULL,
    actor_state      char(3),
    occurred_on      date          NOT NULL,
    recorded_at      datetimeoffset(6)   NOT NULL,
    note             nvarchar(max),
    payload          nvarchar(max),
    previous_hash    char(64),
    hash             char(64)      NOT NULL,
    PRIMARY KEY (request_id, sequence_number),
    CONSTRAINT ck_request_events_sequence CHECK (sequence_number >= 1)
);
CREATE INDEX ix_request_events_recorded_at ON request_events (recorded_at);

GO

CREATE TRIGGER request_events_append_only ON request_events
INSTEAD OF UPDATE, DELETE
AS
BEGIN
    THROW 50001, 'request_events is append-only: UPDATE and DELETE are not allowed', 1;
END;
GO

-- Generated request documents. A frozen document is exactly what was transmitted.
CREATE TABLE request_documents (
    id               uniqueidentifier          NOT NULL PRIMARY KEY,
    request_id       uniqueidentifier          NOT NULL REFERENCES requests (id),
    language_code    nvarchar(3)    NOT NULL,
    request_version  integer       NOT NULL,
    content          varbinary(max)         NOT NULL,
    sha256           char(64)      NOT NULL,
    generated_at     datetimeoffset(6)   NOT NULL,
    is_frozen        bit       NOT NULL
);
CREATE INDEX ix_request_documents_request ON request_documents (request_id);

-- Annexes, stored in the database with their hash so the record is self-contained.
CREATE TABLE request_attachments (
    id               uniqueidentifier          NOT NULL PRIMARY KEY,
    request_id       uniqueidentifier          NOT NULL REFERENCES requests (id),
    file_name        nvarchar(300)  NOT NULL,
    content_type     nvarchar(100)  NOT NULL,
    size_bytes       bigint        NOT NULL,
    sha256           char(64)      NOT NULL,
    content          varbinary(max)         NOT NULL,
    description      nvarchar(1000),
    is_translation   bit       NOT NULL DEFAULT 0,
    uploaded_by      uniqueidentifier          NOT NULL REFERENCES users (id),
    uploaded_at      datetimeoffset(6)   NOT NULL
);
CREATE INDEX ix_request_attachments_request ON request_attachments (request_id);
