-- Delivered orders by customer and delivery (the loyalty backfill pages through them in this order).
create index orders_delivered_idx on orders (customer_id, delivered_at, id) where status = 'DELIVERED';
