-- One-off maintenance passes that are finished for good (issue 10). A start-up job that finds its row
-- here skips its scan. The first is 'progress-backfill': the pass that gives requests written before
-- migration 0008 their derived rows reads every request to find them (linear: about a second at 100,000
-- requests on a busy machine), on every start of every instance; once a whole pass found none, none can
-- appear again (every step since 0008 writes them), so the pass records itself here and later starts
-- read one row instead. A database upgraded from before this migration has no row: its first start scans.
CREATE TABLE completed_maintenance (
    task          varchar(60)       NOT NULL PRIMARY KEY,
    completed_at  datetimeoffset(6) NOT NULL
);
