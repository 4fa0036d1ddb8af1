-- What the customer wrote that no agent has opened yet: counted up with each inbound message in the statement
-- that joins it to its conversation, back to zero when an agent opens the conversation (or answers it). Not
-- indexed, so counting up stays a HOT update.
alter table conversation add column unread integer not null default 0;
