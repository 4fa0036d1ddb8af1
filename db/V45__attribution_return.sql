-- Refunds of returned orders taken back from the revenue attributed to the message that led to the order, each
-- once (the return's event may come again); order_attribution.revenue is what is left.
create table attribution_return (
    order_id    varchar(128)  not null,
    return_id   varchar(128)  not null,
    amount      numeric(16,2) not null,
    returned_at timestamptz   not null,
    primary key (order_id, return_id)
);
