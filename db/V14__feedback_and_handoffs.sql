-- Delivery feedback: one rating (1-5) per delivered order, with the reason a disappointed customer chose
-- (SHIPPING, QUALITY, SERVICE, or OTHER with their own words in comment). Kept for analytics.
create table feedback (
    id          uuid primary key,
    order_id    varchar(128) not null unique,
    customer_id varchar(128) not null,
    rating      smallint     not null check (rating between 1 and 5),
    reason      varchar(16)  check (reason in ('SHIPPING', 'QUALITY', 'SERVICE', 'OTHER')),
    comment     varchar(1000),
    channel     varchar(16)  not null check (channel in ('WHATSAPP', 'SMS')),
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);
create index feedback_customer_idx on feedback (customer_id);
create index feedback_created_idx on feedback (created_at);

-- A conversation flagged for a human agent: the customer rated low and said yes to talking to a person.
create table handoff (
    id          uuid primary key,
    customer_id varchar(128) not null,
    order_id    varchar(128) not null,
    rating      smallint     not null check (rating between 1 and 5),
    reason      varchar(16)  check (reason in ('SHIPPING', 'QUALITY', 'SERVICE', 'OTHER')),
    status      varchar(8)   not null check (status in ('OPEN', 'CLOSED')),
    created_at  timestamptz  not null,
    closed_at   timestamptz,
    check ((status = 'CLOSED') = (closed_at is not null))
);
create index handoff_status_idx on handoff (status, created_at);
create index handoff_customer_idx on handoff (customer_id);
