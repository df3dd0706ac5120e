-- User accounts. A user belongs to one State (central-authority, focal-point, prosecutor), to one
-- network (secretariat), or to neither (admin).
CREATE TABLE users (
    id                 uuid          NOT NULL PRIMARY KEY,
    username           varchar(100)  NOT NULL,
    display_name       varchar(200)  NOT NULL,
    function_title     varchar(200),
    email              varchar(200),
    phone              varchar(100),
    role               varchar(30)   NOT NULL,
    state_iso3         char(3)       REFERENCES states (iso3),
    network_code       varchar(20)   REFERENCES networks (code),
    password_hash      varchar(500),
    is_disabled        boolean       NOT NULL DEFAULT FALSE,
    failed_sign_ins    integer       NOT NULL DEFAULT 0,
    locked_until       timestamptz,
    created_at         timestamptz   NOT NULL,
    disabled_at        timestamptz,
    -- Set for users signed in through an external OpenID Connect provider (issuer + subject).
    external_issuer    varchar(300),
    external_subject   varchar(200),
    CONSTRAINT ck_users_username CHECK (username = lower(username)),
    CONSTRAINT ck_users_role CHECK (role IN ('central-authority', 'focal-point', 'prosecutor', 'secretariat', 'admin')),
    CONSTRAINT ck_users_scope CHECK (
        (role IN ('central-authority', 'focal-point', 'prosecutor') AND state_iso3 IS NOT NULL AND network_code IS NULL)
        OR (role = 'secretariat' AND network_code IS NOT NULL AND state_iso3 IS NULL)
        OR (role = 'admin' AND state_iso3 IS NULL AND network_code IS NULL))
);
CREATE UNIQUE INDEX ux_users_username ON users (username);
CREATE INDEX ix_users_state ON users (state_iso3);
CREATE UNIQUE INDEX ux_users_external ON users (external_issuer, external_subject) WHERE external_subject IS NOT NULL;

-- Audit of changes to reference data and accounts (who changed what, when, from what to what).
CREATE TABLE audit_entries (
    id             uuid          NOT NULL PRIMARY KEY,
    recorded_at    timestamptz   NOT NULL,
    user_id        uuid          REFERENCES users (id),
    action_code    varchar(60)   NOT NULL,
    entity         varchar(60)   NOT NULL,
    entity_key     varchar(100)  NOT NULL,
    details        text
);
CREATE INDEX ix_audit_entries_entity ON audit_entries (entity, entity_key);

-- Responses of idempotent commands, keyed by the client's Idempotency-Key per user.
CREATE TABLE idempotency_records (
    user_id          uuid          NOT NULL,
    idempotency_key  varchar(200)  NOT NULL,
    request_hash     char(64)      NOT NULL,
    status_code      integer       NOT NULL,
    response_body    text,
    response_headers text,
    created_at       timestamptz   NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
