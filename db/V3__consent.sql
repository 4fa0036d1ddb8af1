-- Current consent per customer, channel and purpose.
create table consent (
    customer_id varchar(128) not null,
    channel     varchar(16)  not null check (channel in ('WHATSAPP', 'SMS')),
    purpose     varchar(16)  not null check (purpose in ('MARKETING', 'TRANSACTIONAL')),
    status      varchar(16)  not null check (status in ('GRANTED', 'WITHDRAWN')),
    changed_at  timestamptz  not null,
    source      varchar(200) not null,
    evidence    text,
    primary key (customer_id, channel, purpose)
);

-- Every consent change ever recorded, with its evidence: append-only, enforced by the database.
create table consent_change (
    id          bigint generated always as identity primary key,
    customer_id varchar(128) not null,
    channel     varchar(16)  not null,
    purpose     varchar(16)  not null,
    status      varchar(16)  not null,
    changed_at  timestamptz  not null,
    source      varchar(200) not null,
    evidence    text
);
create index consent_change_customer_idx on consent_change (customer_id, id);

create function consent_change_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'consent_change is append-only: % refused', tg_op;
end;
$$;
create trigger consent_change_append_only
    before update or delete on consent_change
    for each row execute function consent_change_is_append_only();
