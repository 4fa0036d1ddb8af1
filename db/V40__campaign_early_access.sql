-- Early access: a campaign may reach the loyalty tiers with early access before everyone else. It launches at
-- launch_at (its scheduled time less the longest early access), and its messages wait until their tier's time.
alter table campaign add column early_access boolean not null default false;
alter table campaign add column launch_at timestamptz;
update campaign set launch_at = scheduled_at;
alter table campaign alter column launch_at set not null;
drop index campaign_due_idx;
create index campaign_due_idx on campaign (launch_at) where status in ('SCHEDULED', 'LAUNCHING');
