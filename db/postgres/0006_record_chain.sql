-- One chain for the whole record (issue 9). Each new event also hashes the digest of the request's
-- record after it (content, status, persons, documents, annexes: record_sha256), in hash format 2.
-- Events recorded before keep format 1 and keep verifying under the rule they were sealed with.
ALTER TABLE request_events ADD COLUMN hash_format integer NOT NULL DEFAULT 1;
ALTER TABLE request_events ADD COLUMN record_sha256 char(64);

-- The frozen documents and the annexes are append-only, like the timeline. The annexes of a discarded
-- draft are personal data that must go: DELETE is allowed for them only (the request row says it is a
-- discarded draft, and the digest of its record, in its last event, says so too).
CREATE FUNCTION reject_request_document_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'request_documents is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER request_documents_append_only
    BEFORE UPDATE OR DELETE ON request_documents
    FOR EACH ROW EXECUTE FUNCTION reject_request_document_change();

CREATE FUNCTION reject_request_attachment_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND EXISTS (
        SELECT 1 FROM requests r WHERE r.id = OLD.request_id AND r.status = 'draft' AND r.discarded_at IS NOT NULL) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'request_attachments is append-only: % is not allowed (DELETE only for the annexes of a discarded draft)', TG_OP;
END;
$$;

CREATE TRIGGER request_attachments_append_only
    BEFORE UPDATE OR DELETE ON request_attachments
    FOR EACH ROW EXECUTE FUNCTION reject_request_attachment_change();
