-- The loyalty programme: one definition (points, pending period, expiry, bonuses, tiers, rewards) as JSON.
create table loyalty_program (
    id         smallint    primary key check (id = 1),
    definition jsonb       not null,
    updated_at timestamptz not null
);

-- One row per member: the row a redemption or an adjustment locks, so that racing ones are decided one after the
-- other; and who referred them.
create table loyalty_account (
    customer_id varchar(128) primary key,
    referrer_id varchar(128),
    referred_at timestamptz,
    created_at  timestamptz  not null
);
create index loyalty_account_referrer_idx on loyalty_account (referrer_id) where referrer_id is not null;

-- The points ledger: append-only (a correction is a new entry). A positive entry is a lot: it counts once
-- available_at has passed and lapses at expires_at; RETURN and EXPIRY entries take from their lot (lot_id) and
-- count when it does; other negative entries (redemptions, adjustments) take from the lots expiring first.
-- spend (and spend_at, the order's delivery) is what the tiers' rolling 12-month spend adds up.
create table loyalty_entry (
    id           bigint generated always as identity primary key,
    customer_id  varchar(128)  not null,
    kind         varchar(16)   not null check (kind in ('ORDER', 'BIRTHDAY', 'REVIEW', 'REFERRAL', 'ADJUSTMENT',
                                                        'REDEMPTION', 'RETURN', 'EXPIRY')),
    points       integer       not null check (points <> 0 or kind in ('ORDER', 'RETURN', 'BIRTHDAY')),
    lot_id       bigint        references loyalty_entry (id),
    available_at timestamptz   not null,
    expires_at   timestamptz,
    spend        numeric(12, 2) not null default 0,
    spend_at     timestamptz,
    reference    varchar(128),
    reason       varchar(500),
    code         varchar(64),
    created_at   timestamptz   not null,
    unique (customer_id, kind, reference)
);
create index loyalty_entry_customer_idx on loyalty_entry (customer_id, id);
create index loyalty_entry_available_idx on loyalty_entry (available_at) where points > 0 and lot_id is null;
create index loyalty_entry_expires_idx on loyalty_entry (expires_at) where expires_at is not null;

-- Entries are never changed or removed. An erasure only anonymises: the customer's id becomes a pseudonym
-- (erased-…), the free-text reason goes, and a referral entry's reference to the erased customer is replaced too.
create function loyalty_entry_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and (new.id, new.kind, new.points, new.lot_id, new.available_at, new.expires_at, new.spend, new.spend_at,
            new.code, new.created_at)
           is not distinct from
           (old.id, old.kind, old.points, old.lot_id, old.available_at, old.expires_at, old.spend, old.spend_at,
            old.code, old.created_at)
       and (new.customer_id = old.customer_id or new.customer_id like 'erased-%')
       and (new.reason is not distinct from old.reason or new.reason is null)
       and (new.reference is not distinct from old.reference
            or (old.kind = 'REFERRAL' and new.reference like 'erased-%')) then
        return new;
    end if;
    raise exception 'loyalty_entry is append-only: % refused', tg_op;
end;
$$;
create trigger loyalty_entry_append_only
    before update or delete on loyalty_entry
    for each row execute function loyalty_entry_is_append_only();

-- How far each loyalty job has looked (points made available, lots expired, reminders, birthdays).
create table loyalty_watermark (
    job     varchar(32) primary key,
    through timestamptz not null
);
