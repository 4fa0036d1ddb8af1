-- Marketing guardrails hold messages back: the customer's time zone (for quiet hours) travels with the
-- message, and the reason it waits is shown until it goes.
alter table message add column timezone varchar(64);
alter table message add column held_reason varchar(32);
