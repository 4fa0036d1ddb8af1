-- The outbound queue is the outbox: a message row is written in the transaction that decides to send it,
-- then claimed by a dispatcher with FOR UPDATE SKIP LOCKED.
create function message_status_rank(status text) returns int language sql immutable as $$
    select case status
        when 'QUEUED' then 0 when 'SENDING' then 1 when 'SENT' then 2
        when 'DELIVERED' then 3 when 'READ' then 4 else 9 end
$$;

create table message (
    id                  uuid primary key,
    customer_id         varchar(128) not null,
    channel             varchar(16)  not null check (channel in ('WHATSAPP', 'SMS')),
    purpose             varchar(16)  not null check (purpose in ('MARKETING', 'TRANSACTIONAL')),
    category            varchar(16)  not null check (category in ('MARKETING', 'UTILITY', 'SERVICE')),
    status              varchar(16)  not null
        check (status in ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'READ', 'FAILED', 'CANCELLED')),
    recipient           varchar(16),
    language            varchar(35),
    template_key        varchar(100),
    content             jsonb        not null,
    sms_text            text,
    reply_to            varchar(128),
    provider_message_id varchar(128),
    error_code          varchar(32),
    error_title         varchar(500),
    pricing_category    varchar(64),
    attempts            int          not null default 0,
    pair_rate_failures  int          not null default 0,
    next_attempt_at     timestamptz  not null,
    sending_since       timestamptz,
    fallback_of         uuid references message (id),
    fallback_message_id uuid,
    retry_of            uuid references message (id),
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);
create index message_due_idx on message (channel, next_attempt_at) where status = 'QUEUED';
create index message_sending_idx on message (sending_since) where status = 'SENDING';
create unique index message_provider_id_idx on message (provider_message_id);
create index message_customer_idx on message (customer_id, created_at);
-- no index on status itself: every status change would have to maintain it; failures are the list ops ask for
create index message_failed_idx on message (created_at) where status = 'FAILED';

-- Every status a message reached, once each: (message_id, status) deduplicates webhook retries.
create table message_status_change (
    message_id          uuid         not null references message (id) on delete cascade,
    status              varchar(16)  not null,
    at                  timestamptz  not null,
    provider_message_id varchar(128),
    error_code          varchar(32),
    error_title         varchar(500),
    pricing_category    varchar(64),
    primary key (message_id, status)
);

-- Messages customers sent us; unknown numbers are kept with no customer.
create table inbound_message (
    id                  bigint generated always as identity primary key,
    provider_message_id varchar(128) not null unique,
    channel             varchar(16)  not null,
    customer_id         varchar(128),
    sender              varchar(32),
    type                varchar(32)  not null,
    text                text,
    reply_payload       varchar(512),
    context_message_id  varchar(128),
    replied_to          uuid,
    payload             jsonb        not null,
    received_at         timestamptz  not null
);
create index inbound_message_customer_idx on inbound_message (customer_id, received_at);

-- The customer service window per channel and number: open for 24 h after the customer's last message.
create table service_window (
    channel          varchar(16) not null,
    phone            varchar(16) not null,
    last_inbound_at  timestamptz not null,
    primary key (channel, phone)
);

-- Raw webhook deliveries, stored before they are processed (Meta keeps no history to fetch again).
create table webhook_delivery (
    id           bigint generated always as identity primary key,
    provider     varchar(16) not null,
    received_at  timestamptz not null,
    payload      text        not null,
    processed_at timestamptz,
    error        text
);
create index webhook_delivery_unprocessed_idx on webhook_delivery (received_at) where processed_at is null;

-- Pacing: the next free send slot per channel (throughput) and the last send per WhatsApp recipient (pair rate).
create table channel_pace (
    channel      varchar(16) primary key,
    next_free_at timestamptz not null
);
create table recipient_pace (
    phone        varchar(16) primary key,
    last_sent_at timestamptz not null
);
