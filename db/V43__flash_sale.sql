-- Flash sales (docs/loyalty.md): a campaign may carry a flash sale (its product, the discount of each customer's
-- code, how long the sale lasts). A launched one stops when its product sells out or its time is up: its queued
-- messages are cancelled and stopped_at / stop_reason say when and why.
alter table campaign add column flash_sale jsonb;
alter table campaign add column stopped_at timestamptz;
alter table campaign add column stop_reason varchar(32);
create index campaign_flash_sale_live_idx on campaign (scheduled_at)
    where flash_sale is not null and status = 'LAUNCHED' and stopped_at is null;
