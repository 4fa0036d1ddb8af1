-- The links messages carried, behind their tokens (/r/{token}): one per message and link, written as the message
-- goes out and read again when it goes out again (a retry), so a customer's link keeps its meaning.
create table tracked_link (
    token      varchar(32)  primary key,
    message_id uuid         not null,
    url        text         not null,
    created_at timestamptz  not null,
    unique (message_id, url)
);
