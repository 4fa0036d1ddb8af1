-- Journeys wait for replies: a step may send a message and wait for the customer's answer (or a timeout).
-- awaiting_message_id is the message whose answer the enrollment waits for; a reply moves the enrollment's
-- next run to "now" and leaves the answer in its context. CONVERTED ends an enrollment that reached its goal.
alter table enrollment add column awaiting_reply boolean not null default false;
alter table enrollment add column awaiting_message_id varchar(64);
alter table enrollment drop constraint enrollment_status_check;
alter table enrollment add constraint enrollment_status_check
    check (status in ('ACTIVE', 'COMPLETED', 'EXITED', 'CONVERTED'));
create index enrollment_awaiting_idx on enrollment (customer_id) where awaiting_reply;

-- Where a message came from: a bounded label for metrics (a journey and step such as "abandoned_cart/1",
-- "campaign", or null for the messages API) and a reference (the enrollment or the campaign).
alter table message add column origin varchar(100);
alter table message add column origin_ref varchar(128);
create index message_origin_ref_idx on message (origin_ref) where origin_ref is not null;
