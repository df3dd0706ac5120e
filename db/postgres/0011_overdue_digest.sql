-- Issue 10, part 6: the morning e-mail of what became overdue.

-- A digest is a notice of a user's day, not of one event: notice_outbox rows now hold either an event
-- (request_id, sequence_number) or a day (digest_on). One digest per user and day, however many
-- instances write it: the unique key below, written with an insert that ignores the conflict (rows of
-- events have no digest_on, and nulls never collide).
ALTER TABLE notice_outbox ALTER COLUMN request_id DROP NOT NULL;
ALTER TABLE notice_outbox ALTER COLUMN sequence_number DROP NOT NULL;
ALTER TABLE notice_outbox ADD COLUMN digest_on date;
ALTER TABLE notice_outbox ADD CONSTRAINT ck_notice_outbox_event_or_digest CHECK (
    (request_id IS NOT NULL AND sequence_number IS NOT NULL AND digest_on IS NULL)
    OR (request_id IS NULL AND sequence_number IS NULL AND digest_on IS NOT NULL));
CREATE UNIQUE INDEX ux_notice_outbox_digest_user ON notice_outbox (user_id, digest_on);

-- Each State's digest of a day, written once: the first instance to insert the row writes the State's
-- digests, another waits for it on the key and then does nothing.
CREATE TABLE overdue_digests (
    state_iso3  char(3)      NOT NULL REFERENCES states (iso3),
    digest_on   date         NOT NULL,
    written_at  timestamptz  NOT NULL,
    PRIMARY KEY (state_iso3, digest_on)
);

-- The overdue deadlines a State's digests already told of, with the due date they told: a deadline is
-- listed again only once its due date changed (a new status update due, say) and that one passed too.
CREATE TABLE overdue_digest_items (
    state_iso3     char(3)      NOT NULL,
    request_id     uuid         NOT NULL REFERENCES requests (id),
    deadline_kind  varchar(30)  NOT NULL,
    due_on         date         NOT NULL,
    PRIMARY KEY (state_iso3, request_id, deadline_kind)
);
