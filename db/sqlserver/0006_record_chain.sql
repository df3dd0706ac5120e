-- One chain for the whole record (issue 9). Each new event also hashes the digest of the request's
-- record after it (content, status, persons, documents, annexes: record_sha256), in hash format 2.
-- Events recorded before keep format 1 and keep verifying under the rule they were sealed with.
ALTER TABLE request_events ADD hash_format integer NOT NULL CONSTRAINT df_request_events_hash_format DEFAULT 1;
ALTER TABLE request_events ADD record_sha256 char(64) NULL;
GO

-- The frozen documents and the annexes are append-only, like the timeline. The annexes of a discarded
-- draft are personal data that must go: DELETE is allowed for them only (the request row says it is a
-- discarded draft, and the digest of its record, in its last event, says so too).
CREATE TRIGGER request_documents_append_only ON request_documents
INSTEAD OF UPDATE, DELETE
AS
BEGIN
    THROW 50001, 'request_documents is append-only: UPDATE and DELETE are not allowed', 1;
END;
GO

-- An INSTEAD OF trigger does not fire again for the DELETE it runs on its own table.
CREATE TRIGGER request_attachments_append_only ON request_attachments
INSTEAD OF UPDATE, DELETE
AS
BEGIN
    IF EXISTS (SELECT 1 FROM inserted)
    BEGIN
        THROW 50001, 'request_attachments is append-only: UPDATE is not allowed', 1;
    END;
    IF EXISTS (SELECT 1 FROM deleted d WHERE NOT EXISTS (
        SELECT 1 FROM requests r WHERE r.id = d.request_id AND r.status = 'draft' AND r.discarded_at IS NOT NULL))
    BEGIN
        THROW 50001, 'request_attachments is append-only: DELETE is allowed only for the annexes of a discarded draft', 1;
    END;
    DELETE a FROM request_attachments a JOIN deleted d ON d.id = a.id;
END;
GO
