-- One chain for the whole record (issue 9). Each new event also hashes the digest of the request's
-- record after it (content, status, persons, documents, annexes: record_sha256), in hash format 2.
-- Events recorded before keep format 1 and keep verifying under the rule they were sealed with.
ALTER TABLE request_events ADD COLUMN hash_format integer NOT NULL DEFAULT 1;
ALTER TABLE request_events ADD COLUMN record_sha256 char(64);

-- The frozen documents and the annexes are append-only, like the timeline. The annexes of a discarded
-- draft are personal data that must go: DELETE is allowed for them only (the request row says it is a
-- discarded draft, and the digest of its record, in its last event, says so too).
CREATE TRIGGER request_documents_no_update BEFORE UPDATE ON request_documents
BEGIN
    SELECT RAISE(ABORT, 'request_documents is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER request_documents_no_delete BEFORE DELETE ON request_documents
BEGIN
    SELECT RAISE(ABORT, 'request_documents is append-only: DELETE is not allowed');
END;

CREATE TRIGGER request_attachments_no_update BEFORE UPDATE ON request_attachments
BEGIN
    SELECT RAISE(ABORT, 'request_attachments is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER request_attachments_no_delete BEFORE DELETE ON request_attachments
WHEN NOT EXISTS (SELECT 1 FROM requests r WHERE r.id = OLD.request_id AND r.status = 'draft' AND r.discarded_at IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'request_attachments is append-only: DELETE is allowed only for the annexes of a discarded draft');
END;
