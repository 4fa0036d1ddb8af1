create table cart (
    id           varchar(128) primary key,
    customer_id  varchar(128) not null,
    currency     varchar(3)   not null,
    checkout_url varchar(2048),
    status       varchar(16)  not null check (status in ('ACTIVE', 'CONVERTED')),
    order_id     varchar(128),
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    converted_at timestamptz,
    version      bigint       not null default 0
);
create index cart_customer_idx on cart (customer_id);
create index cart_active_updated_idx on cart (updated_at) where status = 'ACTIVE';

create table cart_line (
    cart_id    varchar(128)   not null references cart (id) on delete cascade,
    position   int            not null,
    product_id varchar(128)   not null,
    variant_id varchar(128)   not null,
    quantity   int            not null check (quantity > 0),
    unit_price numeric(12, 2) not null check (unit_price >= 0),
    primary key (cart_id, position)
);
