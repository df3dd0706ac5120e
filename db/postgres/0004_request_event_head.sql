-- The hash of a request's last timeline event, so that verify-audit also notices events removed from
-- the end of a chain (which leaves a shorter chain that still holds).
ALTER TABLE requests ADD COLUMN last_event_hash char(64);
