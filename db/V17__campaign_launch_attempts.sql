-- A launch that fails (a database error, a launcher that died) is tried again a few times, then the campaign
-- fails with LAUNCH_FAILED instead of being retried forever. Every claim counts as an attempt.
alter table campaign add column launch_attempts int not null default 0;
