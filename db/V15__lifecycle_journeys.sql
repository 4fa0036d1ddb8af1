-- The win-back scan looks for orders placed in a window of time that no later order of the same customer
-- follows: the window is read in placing order (keyset-paged on placed_at, id), the "no later order" check
-- uses orders_customer_idx (customer_id, placed_at).
create index orders_placed_idx on orders (placed_at, id);
