-- Issue 10, part 6: the morning e-mail of what became overdue.

-- A digest is a notice of a user's day, not of one event: notice_outbox rows now hold either an event
-- (request_id, sequence_number) or a day (digest_on). One digest per user and day, however many
-- instances write it: the unique key below (filtered: SQL Server's unique indexes count nulls as equal),
-- written with an insert that ignores the conflict. The columns of an index and of a foreign key cannot
-- become nullable in place: the table is rebuilt, its rows kept as they were.
EXEC sp_rename 'notice_outbox', 'notice_outbox_0009';
GO
CREATE TABLE notice_outbox (
    id               uniqueidentifier          NOT NULL PRIMARY KEY,
    request_id       uniqueidentifier          REFERENCES requests (id),
    sequence_number  integer,
    digest_on        date,
    user_id          uniqueidentifier          NOT NULL REFERENCES users (id),
    recipient        nvarchar(200)  NOT NULL,
    language_code    varchar(3)    NOT NULL,
    subject          nvarchar(300)  NOT NULL,
    body             nvarchar(max)        NOT NULL,
    message_id       varchar(200)  NOT NULL,
    created_at       datetimeoffset(6)   NOT NULL,
    attempts         integer       NOT NULL DEFAULT 0,
    next_attempt_at  datetimeoffset(6)   NOT NULL,
    claim_token      uniqueidentifier,
    claimed_until    datetimeoffset(6),
    sent_at          datetimeoffset(6),
    last_error       nvarchar(500),
    CONSTRAINT ck_notice_outbox_event_or_digest CHECK (
        (request_id IS NOT NULL AND sequence_number IS NOT NULL AND digest_on IS NULL)
        OR (request_id IS NULL AND sequence_number IS NULL AND digest_on IS NOT NULL))
);
GO
INSERT INTO notice_outbox (id, request_id, sequence_number, user_id, recipient, language_code, subject, body, message_id,
                           created_at, attempts, next_attempt_at, claim_token, claimed_until, sent_at, last_error)
SELECT id, request_id, sequence_number, user_id, recipient, language_code, subject, body, message_id,
       created_at, attempts, next_attempt_at, claim_token, claimed_until, sent_at, last_error
FROM notice_outbox_0009;
DROP TABLE notice_outbox_0009;
GO
CREATE UNIQUE INDEX ux_notice_outbox_event_user ON notice_outbox (request_id, sequence_number, user_id) WHERE request_id IS NOT NULL;
CREATE UNIQUE INDEX ux_notice_outbox_digest_user ON notice_outbox (user_id, digest_on) WHERE digest_on IS NOT NULL;
CREATE INDEX ix_notice_outbox_pending ON notice_outbox (next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX ix_notice_outbox_claim ON notice_outbox (claim_token) WHERE claim_token IS NOT NULL;

-- Each State's digest of a day, written once: the first instance to insert the row writes the State's
-- digests, another waits for it on the key and then does nothing.
CREATE TABLE overdue_digests (
    state_iso3  char(3)            NOT NULL REFERENCES states (iso3),
    digest_on   date               NOT NULL,
    written_at  datetimeoffset(6)  NOT NULL,
    PRIMARY KEY (state_iso3, digest_on)
);

-- The overdue deadlines a State's digests already told of, with the due date they told: a deadline is
-- listed again only once its due date changed (a new status update due, say) and that one passed too.
CREATE TABLE overdue_digest_items (
    state_iso3     char(3)           NOT NULL,
    request_id     uniqueidentifier  NOT NULL REFERENCES requests (id),
    deadline_kind  varchar(30)       NOT NULL,
    due_on         date              NOT NULL,
    PRIMARY KEY (state_iso3, request_id, deadline_kind)
);
