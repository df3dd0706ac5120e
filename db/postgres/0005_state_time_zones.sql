-- Each State's time zone (IANA), so a user's "today" is the date in the user's State: most of the
-- region is on UTC, Niger, Nigeria, Benin and Chad on UTC+1, Cabo Verde on UTC-1. Filled from the
-- reference data seed for the States it knows; NULL (UTC) for others until an administrator sets it.
ALTER TABLE states ADD time_zone varchar(60);
