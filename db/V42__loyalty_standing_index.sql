-- A customer's standing reads only these columns of their entries: a covering index answers it from the index
-- alone, one customer's entries side by side (50 entries in a page or two, instead of pages all over the table).
create index loyalty_entry_standing_idx on loyalty_entry (customer_id, id)
    include (kind, points, lot_id, available_at, expires_at, spend, spend_at, created_at);
drop index loyalty_entry_customer_idx;
