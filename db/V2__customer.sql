-- Customers mirrored from the shop. Erasure blanks the personal columns and sets erased_at; the row stays
-- so that orders keep an (anonymous) owner.
create table customer (
    id         varchar(128) primary key,
    phone      varchar(16),
    first_name varchar(200),
    last_name  varchar(200),
    email      varchar(320),
    language   varchar(35),
    timezone   varchar(64),
    birthday   date,
    tags       text[]       not null default '{}',
    attributes jsonb        not null default '{}',
    created_at timestamptz,
    updated_at timestamptz,
    erased_at  timestamptz,
    version    bigint       not null default 0
);
create index customer_tags_idx on customer using gin (tags);
create index customer_phone_idx on customer (phone) where erased_at is null;
