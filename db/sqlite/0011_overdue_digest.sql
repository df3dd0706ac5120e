-- Issue 10, part 6: the morning e-mail of what became overdue.

-- A digest is a notice of a user's day, not of one event: notice_outbox rows now hold either an event
-- (request_id, sequence_number) or a day (digest_on). One digest per user and day, however many
-- instances write it: the unique key below, written with an insert that ignores the conflict.
-- SQLite cannot drop NOT NULL from a column: the table is rebuilt, its rows kept as they were.
CREATE TABLE notice_outbox_0011 (
    id               text          NOT NULL PRIMARY KEY,
    request_id       text          REFERENCES requests (id),
    sequence_number  integer,
    digest_on        text,
    user_id          text          NOT NULL REFERENCES users (id),
    recipient        varchar(200)  NOT NULL,
    language_code    varchar(3)    NOT NULL,
    subject          varchar(300)  NOT NULL,
    body             text          NOT NULL,
    message_id       varchar(200)  NOT NULL,
    created_at       text   NOT NULL,
    attempts         integer       NOT NULL DEFAULT 0,
    next_attempt_at  text   NOT NULL,
    claim_token      text,
    claimed_until    text,
    sent_at          text,
    last_error       varchar(500),
    CONSTRAINT ck_notice_outbox_event_or_digest CHECK (
        (request_id IS NOT NULL AND sequence_number IS NOT NULL AND digest_on IS NULL)
        OR (request_id IS NULL AND sequence_number IS NULL AND digest_on IS NOT NULL))
);
INSERT INTO notice_outbox_0011 (id, request_id, sequence_number, user_id, recipient, language_code, subject, body, message_id,
                                created_at, attempts, next_attempt_at, claim_token, claimed_until, sent_at, last_error)
SELECT id, request_id, sequence_number, user_id, recipient, language_code, subject, body, message_id,
       created_at, attempts, next_attempt_at, claim_token, claimed_until, sent_at, last_error
FROM notice_outbox;
DROP TABLE notice_outbox;
ALTER TABLE notice_outbox_0011 RENAME TO notice_outbox;
CREATE UNIQUE INDEX ux_notice_outbox_event_user ON notice_outbox (request_id, sequence_number, user_id);
CREATE UNIQUE INDEX ux_notice_outbox_digest_user ON notice_outbox (user_id, digest_on);
CREATE INDEX ix_notice_outbox_pending ON notice_outbox (next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX ix_notice_outbox_claim ON notice_outbox (claim_token) WHERE claim_token IS NOT NULL;

-- Each State's digest of a day, written once: the first instance to insert the row writes the State's
-- digests, another finds it there (or waits for it) and does nothing.
CREATE TABLE overdue_digests (
    state_iso3  char(3)  NOT NULL REFERENCES states (iso3),
    digest_on   text     NOT NULL,
    written_at  text     NOT NULL,
    PRIMARY KEY (state_iso3, digest_on)
);

-- The overdue deadlines a State's digests already told of, with the due date they told: a deadline is
-- listed again only once its due date changed (a new status update due, say) and that one passed too.
CREATE TABLE overdue_digest_items (
    state_iso3     char(3)      NOT NULL,
    request_id     text         NOT NULL REFERENCES requests (id),
    deadline_kind  varchar(30)  NOT NULL,
    due_on         text         NOT NULL,
    PRIMARY KEY (state_iso3, request_id, deadline_kind)
);
