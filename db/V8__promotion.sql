-- Unique, single-use discount codes. A redemption is one conditional UPDATE, so two checkouts racing for
-- one code cannot both win.
create table discount_code (
    code          varchar(32)    primary key,
    customer_id   varchar(128)   not null,
    reason        varchar(64)    not null,
    kind          varchar(16)    not null check (kind in ('AMOUNT', 'PERCENT')),
    value         numeric(12, 2) not null check (value > 0),
    currency      varchar(3),
    minimum_spend numeric(12, 2) not null default 0,
    issued_at     timestamptz    not null,
    expires_at    timestamptz    not null,
    redeemed_at   timestamptz,
    order_id      varchar(128),
    check (kind = 'PERCENT' or currency is not null),
    check (kind = 'AMOUNT' or value <= 100)
);
create index discount_code_customer_idx on discount_code (customer_id, issued_at);
