-- Customer service. A conversation is one contact's exchange on one channel, from their first message until
-- it is resolved; a message after that opens a new one. At most one conversation per contact and channel is
-- not resolved (open, pending, or snoozed until a time).
create table conversation (
    id                 uuid primary key,
    channel            varchar(16)  not null check (channel in ('WHATSAPP', 'SMS')),
    phone              varchar(32)  not null,
    customer_id        varchar(128),
    language           varchar(16),
    status             varchar(8)   not null check (status in ('OPEN', 'PENDING', 'SNOOZED', 'RESOLVED')),
    snoozed_until      timestamptz,
    assignee           varchar(64),
    labels             varchar(64)[] not null default '{}',
    opened_at          timestamptz  not null,
    last_message_at    timestamptz  not null,
    -- when the customer began waiting for a person (the agents' queue); null while the bot handles them
    queued_at          timestamptz,
    -- when an agent last answered; the customer waits again once they write after it
    agent_replied_at   timestamptz,
    first_response_at  timestamptz,
    resolved_at        timestamptz,
    -- the service levels in business hours only, kept when they happen: queue to first agent answer, and
    -- opening to resolution, in seconds
    first_response_seconds bigint,
    resolution_seconds     bigint,
    -- the agent who answered first and the one who resolved (service levels and ratings per agent)
    first_responder    varchar(64),
    resolved_by        varchar(64),
    -- automatic answers that found nothing, in a row: two send the customer to the queue
    misses             smallint     not null default 0,
    -- the start of the closed period the away message was sent in (once per conversation and period)
    away_sent_for      timestamptz,
    -- what a handoff attaches: the order, its rating and the reason the customer gave
    order_id           varchar(128),
    order_rating       smallint     check (order_rating between 1 and 5),
    order_reason       varchar(16),
    -- customer satisfaction asked on resolution, and the 1-5 answer
    csat_requested_at  timestamptz,
    csat_rating        smallint     check (csat_rating between 1 and 5),
    csat_rated_at      timestamptz,
    check ((status = 'SNOOZED') = (snoozed_until is not null)),
    check ((status = 'RESOLVED') = (resolved_at is not null))
);
create unique index conversation_one_unresolved_idx on conversation (channel, phone) where status <> 'RESOLVED';
create index conversation_status_idx on conversation (status, last_message_at desc);
create index conversation_assignee_idx on conversation (assignee, status, last_message_at desc);
create index conversation_labels_idx on conversation using gin (labels);
create index conversation_customer_idx on conversation (customer_id);
create index conversation_snoozed_idx on conversation (snoozed_until) where status = 'SNOOZED';

-- The lines of a conversation the service writes itself: what the customer sent (the inbound message of
-- messaging) and what the bot and agents answered (the outbound message). Messages journeys, campaigns and
-- the messages API sent meanwhile are read from messaging when the conversation is shown.
create table conversation_message (
    id              bigint generated always as identity primary key,
    conversation_id uuid         not null references conversation (id) on delete cascade,
    direction       varchar(8)   not null check (direction in ('INBOUND', 'OUTBOUND')),
    author          varchar(8)   not null check (author in ('CUSTOMER', 'BOT', 'AGENT')),
    agent_id        varchar(64),
    inbound_id      bigint       unique,
    message_id      uuid         unique,
    type            varchar(32)  not null,
    text            text,
    media_id        varchar(64),
    at              timestamptz  not null,
    check ((direction = 'INBOUND') = (inbound_id is not null))
);
create index conversation_message_conversation_idx on conversation_message (conversation_id, at, id);

-- Internal notes agents leave on a conversation; the customer never sees them.
create table conversation_note (
    id              bigint generated always as identity primary key,
    conversation_id uuid         not null references conversation (id) on delete cascade,
    agent_id        varchar(64)  not null,
    text            varchar(4000) not null,
    created_at      timestamptz  not null
);
create index conversation_note_conversation_idx on conversation_note (conversation_id, created_at);

-- The people who answer: the languages they speak, how many unresolved conversations they take at most,
-- and whether they take new ones now.
create table agent (
    id                     varchar(64)  primary key,
    name                   varchar(200) not null,
    email                  varchar(320),
    languages              varchar(16)[] not null,
    max_open_conversations integer      not null check (max_open_conversations between 1 and 1000),
    available              boolean      not null,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null
);

-- A handoff (a low delivery rating whose customer asked for a person) is now a conversation waiting in the
-- agents' queue; the handoff row stays as the record the handoffs API shows.
alter table handoff add column conversation_id uuid references conversation (id) on delete set null;
