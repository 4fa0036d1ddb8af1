-- Campaigns: a marketing template sent to a segment of customers on one channel at a scheduled time. The
-- launcher claims due campaigns with FOR UPDATE SKIP LOCKED and a lease (claim_token, claimed_until), then
-- snapshots the audience into the outbox (message, origin = 'campaign', origin_ref = the campaign's id) in one
-- statement. Campaigns hold no personal data: the segment names tags, a language, a category, day counts.
create table campaign (
    id             uuid primary key,
    name           varchar(200) not null,
    template_key   varchar(100) not null,
    params         jsonb        not null default '{}',
    channel        varchar(16)  not null check (channel in ('WHATSAPP', 'SMS')),
    segment        jsonb        not null default '{}',
    status         varchar(16)  not null
        check (status in ('SCHEDULED', 'LAUNCHING', 'LAUNCHED', 'CANCELLED', 'FAILED')),
    scheduled_at   timestamptz  not null,
    audience_size  int,
    launched_at    timestamptz,
    cancelled_at   timestamptz,
    failure_reason varchar(64),
    claim_token    uuid,
    claimed_until  timestamptz,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);
create index campaign_due_idx on campaign (scheduled_at) where status in ('SCHEDULED', 'LAUNCHING');
create index campaign_created_idx on campaign (created_at, id);

-- A status change no longer checks its message by foreign key: the check cost a look-up and a row lock on the
-- message for every status change, which doubled the WAL a campaign snapshot writes (a million queued status
-- changes) and is paid by every webhook status too. Status changes are written only by the outbox, by the id of
-- a message it has just written or read, and messages are never deleted (erasure anonymises them), so the
-- constraint guarded nothing the code can get wrong (ADR 0010).
alter table message_status_change drop constraint message_status_change_message_id_fkey;

-- Queued messages have no provider id yet: the unique index on it needs no entry for them (NULLs never
-- conflict), which spares a campaign snapshot a million index insertions.
drop index message_provider_id_idx;
create unique index message_provider_id_idx on message (provider_message_id) where provider_message_id is not null;
