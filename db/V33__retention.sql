-- Retention (analytics): its own copy of who ordered when (fed by OrderPlaced / OrderCancelled), and the months
-- in which a message reached each customer (a delivery or a read). Both start from what is already stored.
create table retention_order (
    order_id    varchar(128) primary key,
    customer_id varchar(128) not null,
    placed_at   timestamptz  not null,
    cancelled   boolean      not null default false
);
create index retention_order_customer_idx on retention_order (customer_id, placed_at);
create index retention_order_placed_idx on retention_order (placed_at);

create table reached_month (
    customer_id varchar(128) not null,
    month       date         not null,
    primary key (customer_id, month)
);

insert into retention_order (order_id, customer_id, placed_at, cancelled)
select id, customer_id, placed_at, status = 'CANCELLED' from orders;

insert into reached_month (customer_id, month)
select distinct m.customer_id, cast(date_trunc('month', c.at at time zone 'UTC') as date)
  from message m join message_status_change c on c.message_id = m.id
 where c.status in ('DELIVERED', 'READ')
on conflict do nothing;
