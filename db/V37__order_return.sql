-- Returns after delivery: what came back and the amount refunded. A delivered order stays delivered; the
-- returned amounts of an order never add up to more than its total (checked under the order's row lock).
create table order_return (
    id          uuid           primary key,
    order_id    varchar(128)   not null references orders (id) on delete cascade,
    amount      numeric(12, 2) not null check (amount > 0),
    lines       jsonb          not null,
    returned_at timestamptz    not null
);
create index order_return_order_idx on order_return (order_id);
