-- The dispatcher claims due transactional messages before due marketing ones: an order update queued
-- behind a million-message campaign goes out at once instead of hours later. The index serves the claim's
-- order (channel, marketing last, due time) for queued messages only.
drop index message_due_idx;
create index message_due_idx on message (channel, (purpose = 'MARKETING'), next_attempt_at) where status = 'QUEUED';
