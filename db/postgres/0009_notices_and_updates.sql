-- Issue 10, parts 5 and 6: a user's preferences, what moved on a State's requests, and e-mail notices.

-- The user's language (interface and notices) and e-mail notice opt-in; when the user last marked the
-- updates of their requests read (none yet: since the account was created).
ALTER TABLE users ADD COLUMN language_code varchar(3) NOT NULL DEFAULT 'fr'
    CONSTRAINT ck_users_language CHECK (language_code IN ('fr', 'en', 'pt'));
ALTER TABLE users ADD COLUMN email_notices boolean NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN updates_read_at timestamptz;

-- Each event once per State party to its request, keyed by State and time: a State's updates and their
-- count are an index range, whatever the number of requests. Which of them the State may see is still
-- decided by the request (RequestAccess.VisibleCondition): a draft's events stay hidden from the
-- requested State until the request is transmitted, a discarded draft's from everyone. No foreign key to
-- request_events, here or in the outbox: an event deleted behind Mla's back must show up as tampering in
-- verify-audit, not be refused because of a copy of its key.
CREATE TABLE request_updates (
    state_iso3       char(3)       NOT NULL,
    recorded_at      timestamptz   NOT NULL,
    request_id       uuid          NOT NULL REFERENCES requests (id),
    sequence_number  integer       NOT NULL,
    PRIMARY KEY (state_iso3, recorded_at, request_id, sequence_number)
);

INSERT INTO request_updates (state_iso3, recorded_at, request_id, sequence_number)
SELECT r.requesting_state, e.recorded_at, e.request_id, e.sequence_number
FROM request_events e JOIN requests r ON r.id = e.request_id
UNION ALL
SELECT r.requested_state, e.recorded_at, e.request_id, e.sequence_number
FROM request_events e JOIN requests r ON r.id = e.request_id
WHERE r.requested_state <> r.requesting_state;

-- E-mail notices waiting to be sent, written in the transaction of the event they tell of: one per
-- (event, user). A worker claims due rows for a while (claim_token, claimed_until), sends them and marks
-- them sent; a failed attempt is tried again later (next_attempt_at). message_id is stable per (event,
-- user), so a notice sent again after a crash is recognisable as the same message.
CREATE TABLE notice_outbox (
    id               uuid          NOT NULL PRIMARY KEY,
    request_id       uuid          NOT NULL REFERENCES requests (id),
    sequence_number  integer       NOT NULL,
    user_id          uuid          NOT NULL REFERENCES users (id),
    recipient        varchar(200)  NOT NULL,
    language_code    varchar(3)    NOT NULL,
    subject          varchar(300)  NOT NULL,
    body             text          NOT NULL,
    message_id       varchar(200)  NOT NULL,
    created_at       timestamptz   NOT NULL,
    attempts         integer       NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz   NOT NULL,
    claim_token      uuid,
    claimed_until    timestamptz,
    sent_at          timestamptz,
    last_error       varchar(500)
);
CREATE UNIQUE INDEX ux_notice_outbox_event_user ON notice_outbox (request_id, sequence_number, user_id);
CREATE INDEX ix_notice_outbox_pending ON notice_outbox (next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX ix_notice_outbox_claim ON notice_outbox (claim_token) WHERE claim_token IS NOT NULL;
