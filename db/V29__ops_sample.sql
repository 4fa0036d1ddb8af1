-- The console dashboard's history: every few seconds each instance writes what its meters read (the same
-- meters Prometheus scrapes). Counters as the amount since the instance's previous sample (summed over the
-- instances of a minute); gauges as read (the largest reading of a minute is shown). Kept two days.
create table ops_sample (
    at                     timestamptz      not null,
    instance               varchar(64)      not null,
    seconds                double precision not null, -- since the instance's previous sample
    sent                   bigint           not null,
    send_failures          bigint           not null,
    webhooks               bigint           not null,
    webhook_p99_ms         double precision,
    queue_depth            bigint           not null,
    oldest_due_seconds     bigint           not null,
    steps_due              bigint           not null,
    open_conversations     bigint           not null,
    waiting_conversations  bigint           not null,
    oldest_waiting_seconds bigint           not null,
    primary key (at, instance)
);
