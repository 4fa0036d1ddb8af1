-- Control groups and A/B variants (campaign), the variant a message belongs to (messaging), and order totals for
-- the control group's comparison (analytics).
alter table campaign add column experiment jsonb not null default '{"controlPercent": 0, "variants": []}';

alter table message add column variant varchar(32);

alter table retention_order add column revenue numeric(16,2) not null default 0;
alter table retention_order add column currency varchar(3);
update retention_order r set revenue = o.total, currency = o.currency from orders o where o.id = r.order_id;

-- The customers a campaign's messages were queued for, with their variant and whether they were held out as its
-- control group: messaging's published read of its outbox for measurement (analytics joins it to orders).
create view campaign_audience as
select origin_ref as campaign_id, customer_id, coalesce(variant, 'a') as variant,
       error_code is not distinct from 'CONTROL_GROUP' as held_out, created_at as queued_at
  from message
 where origin = 'campaign';
