-- Requests, their content, their append-only timeline, documents and annexes.

CREATE TABLE requests (
    id                          uuid          NOT NULL PRIMARY KEY,
    reference_number            varchar(40),
    kind                        varchar(30)   NOT NULL,
    status                      varchar(30)   NOT NULL,
    requesting_state            char(3)       NOT NULL,
    requested_state             char(3)       NOT NULL,
    requesting_authority_id     uuid          REFERENCES authorities (id),
    investigating_authority_name     varchar(300),
    investigating_authority_function varchar(300),
    subject                     varchar(2000),
    facts                       text,
    purpose                     text,
    urgency                     varchar(10)   NOT NULL DEFAULT 'normal',
    urgency_reason              text,
    time_limit                  date,
    language_code               varchar(3),
    confidential                boolean       NOT NULL DEFAULT FALSE,
    supplements_request_id      uuid          REFERENCES requests (id),
    bilateral_treaty_name       varchar(500),
    extradition_purpose         varchar(20),
    warrant_issuing_authority   varchar(300),
    warrant_date                date,
    warrant_reference           varchar(200),
    judgment_issuing_authority  varchar(300),
    judgment_date               date,
    judgment_reference          varchar(200),
    sentence_remaining          varchar(500),
    enforceable_sentence_proof  text,
    retrial_in_absentia         text,
    extradition_will_be_requested boolean     NOT NULL DEFAULT FALSE,
    transmission_channel        varchar(30),
    transmitted_on              date,
    received_on                 date,
    requested_side_reference    varchar(200),
    executing_authority         varchar(300),
    extradition_decision        varchar(20),
    provisional_arrest_on       date,
    surrendered_on              date,
    closed_on                   date,
    created_by                  uuid          NOT NULL REFERENCES users (id),
    created_at                  timestamptz   NOT NULL,
    updated_at                  timestamptz   NOT NULL,
    discarded_at                timestamptz,
    version                     integer       NOT NULL DEFAULT 1,
    CONSTRAINT ck_requests_kind CHECK (kind IN ('mla', 'extradition', 'provisional-arrest')),
    CONSTRAINT ck_requests_status CHECK (status IN ('draft', 'transmitted', 'received', 'in-execution',
        'awaiting-information', 'postponed', 'executed', 'partially-executed', 'refused', 'withdrawn')),
    CONSTRAINT ck_requests_states CHECK (requesting_state <> requested_state
        AND requesting_state = upper(requesting_state) AND requested_state = upper(requested_state)),
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
    kind         varchar(30) NOT NULL,
    year         integer     NOT NULL,
    last_number  integer     NOT NULL,
    PRIMARY KEY (state_iso3, kind, year)
);

CREATE TABLE request_legal_bases (
    request_id        uuid        NOT NULL REFERENCES requests (id),
    ordinal           integer     NOT NULL,
    legal_basis_code  varchar(60) NOT NULL REFERENCES legal_bases (code),
    PRIMARY KEY (request_id, ordinal)
);
CREATE INDEX ix_request_legal_bases_code ON request_legal_bases (legal_basis_code);

CREATE TABLE request_offences (
    request_id       uuid          NOT NULL REFERENCES requests (id),
    ordinal          integer       NOT NULL,
    category_code    varchar(60)   NOT NULL REFERENCES offence_categories (code),
    description      text,
    legal_provision  text,
    max_penalty      varchar(500),
    PRIMARY KEY (request_id, ordinal)
);
CREATE INDEX ix_request_offences_category ON request_offences (category_code);

-- Persons concerned: personal data. Never logged, never exported in statistics.
CREATE TABLE request_persons (
    request_id         uuid          NOT NULL REFERENCES requests (id),
    ordinal            integer       NOT NULL,
    role_code          varchar(60)   NOT NULL REFERENCES person_roles (code),
    full_name          varchar(300),
    nationality        char(3),
    date_of_birth      date,
    location           varchar(500),
    identity_document  varchar(300),
    PRIMARY KEY (request_id, ordinal)
);

CREATE TABLE request_assistance_items (
    request_id        uuid          NOT NULL REFERENCES requests (id),
    ordinal           integer       NOT NULL,
    type_code         varchar(60)   NOT NULL REFERENCES assistance_types (code),
    description       text,
    special_procedure text,
    outcome           varchar(30),
    outcome_note      text,
    PRIMARY KEY (request_id, ordinal),
    CONSTRAINT ck_request_assistance_items_outcome CHECK (outcome IS NULL OR outcome IN ('executed', 'partially-executed', 'not-executed'))
);
CREATE INDEX ix_request_assistance_items_type ON request_assistance_items (type_code);

CREATE TABLE request_refusal_grounds (
    request_id    uuid        NOT NULL REFERENCES requests (id),
    applies_to    varchar(20) NOT NULL,
    ground_code   varchar(60) NOT NULL,
    PRIMARY KEY (request_id, applies_to, ground_code),
    FOREIGN KEY (applies_to, ground_code) REFERENCES refusal_grounds (applies_to, code)
);

-- The timeline: append-only and tamper-evident. Each event's hash is SHA-256 over the previous
-- event's hash and its own canonical content; the triggers below reject UPDATE and DELETE.
CREATE TABLE request_events (
    request_id       uuid          NOT NULL REFERENCES requests (id),
    sequence_number  integer       NOT NULL,
    action_code      varchar(40)   NOT NULL,
    from_status      varchar(30),
    to_status        varchar(30)   NOT NULL,
    actor_user_id    uuid          NOT NULL REFERENCES users (id),
    actor_role       varchar(30)   NOT NULL,
    actor_state      char(3),
    occurred_on      date          NOT NULL,
    recorded_at      timestamptz   NOT NULL,
    note             text,
    payload          text,
    previous_hash    char(64),
    hash             char(64)      NOT NULL,
    PRIMARY KEY (request_id, sequence_number),
    CONSTRAINT ck_request_events_sequence CHECK (sequence_number >= 1)
);
CREATE INDEX ix_request_events_recorded_at ON request_events (recorded_at);

CREATE FUNCTION reject_request_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'request_events is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER request_events_append_only
    BEFORE UPDATE OR DELETE ON request_events
    FOR EACH ROW EXECUTE FUNCTION reject_request_event_change();

-- Generated request documents. A frozen document is exactly what was transmitted.
CREATE TABLE request_documents (
    id               uuid          NOT NULL PRIMARY KEY,
    request_id       uuid          NOT NULL REFERENCES requests (id),
    language_code    varchar(3)    NOT NULL,
    request_version  integer       NOT NULL,
    content          bytea         NOT NULL,
    sha256           char(64)      NOT NULL,
    generated_at     timestamptz   NOT NULL,
    is_frozen        boolean       NOT NULL
);
CREATE INDEX ix_request_documents_request ON request_documents (request_id);

-- Annexes, stored in the database with their hash so the record is self-contained.
CREATE TABLE request_attachments (
    id               uuid          NOT NULL PRIMARY KEY,
    request_id       uuid          NOT NULL REFERENCES requests (id),
    file_name        varchar(300)  NOT NULL,
    content_type     varchar(100)  NOT NULL,
    size_bytes       bigint        NOT NULL,
    sha256           char(64)      NOT NULL,
    content          bytea         NOT NULL,
    description      varchar(1000),
    is_translation   boolean       NOT NULL DEFAULT FALSE,
    uploaded_by      uuid          NOT NULL REFERENCES users (id),
    uploaded_at      timestamptz   NOT NULL
);
CREATE INDEX ix_request_attachments_request ON request_attachments (request_id);
