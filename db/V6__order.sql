create table orders (
    id                  varchar(128)   primary key,
    customer_id         varchar(128)   not null,
    cart_id             varchar(128),
    status              varchar(16)    not null check (status in ('PLACED', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
    currency            varchar(3)     not null,
    total               numeric(12, 2) not null check (total >= 0),
    placed_at           timestamptz    not null,
    order_url           varchar(2048),
    delivered_at        timestamptz,
    cancelled_at        timestamptz,
    cancellation_reason varchar(500),
    updated_at          timestamptz    not null,
    version             bigint         not null default 0
);
create index orders_customer_idx on orders (customer_id, placed_at);

create table order_line (
    order_id   varchar(128)   not null references orders (id) on delete cascade,
    position   int            not null,
    product_id varchar(128)   not null,
    variant_id varchar(128)   not null,
    quantity   int            not null check (quantity > 0),
    unit_price numeric(12, 2) not null check (unit_price >= 0),
    primary key (order_id, position)
);
create index order_line_product_idx on order_line (product_id);

create table shipment (
    order_id        varchar(128)  not null references orders (id) on delete cascade,
    position        int           not null,
    carrier         varchar(100)  not null,
    tracking_number varchar(200)  not null,
    tracking_url    varchar(2048),
    shipped_at      timestamptz   not null,
    primary key (order_id, position)
);
