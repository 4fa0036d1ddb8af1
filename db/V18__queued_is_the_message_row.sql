-- A message's `queued` status is the message row itself (its created_at): the outbox and the campaign snapshot
-- no longer write a status change for it, which halves the rows a snapshot of a million messages writes.
-- The history a message shows is unchanged: queued first, at created_at, then the stored changes.
delete from message_status_change where status = 'QUEUED';
