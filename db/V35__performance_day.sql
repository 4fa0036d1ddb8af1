-- Daily roll-ups beside the hourly ones: a report over a year sums 365 rows per dimension set instead of 8,760
-- (docs/benchmarks.md); it takes whole days from here and the hours at its edges from performance_hour.
create table performance_day (
    day             timestamptz   not null,
    source          varchar(16)   not null,
    campaign_id     varchar(128)  not null,
    journey         varchar(100)  not null,
    step            varchar(100)  not null,
    template_key    varchar(100)  not null,
    channel         varchar(16)   not null,
    variant         varchar(32)   not null,
    sent            bigint        not null default 0,
    delivered       bigint        not null default 0,
    read            bigint        not null default 0,
    clicked         bigint        not null default 0,
    unique_clickers bigint        not null default 0,
    replied         bigint        not null default 0,
    opted_out       bigint        not null default 0,
    orders          bigint        not null default 0,
    revenue         numeric(16,2) not null default 0,
    cost            numeric(16,4) not null default 0,
    primary key (day, source, campaign_id, journey, step, template_key, channel, variant)
);

insert into performance_day
select date_trunc('day', hour, 'UTC'), source, campaign_id, journey, step, template_key, channel, variant,
       sum(sent), sum(delivered), sum(read), sum(clicked), sum(unique_clickers), sum(replied), sum(opted_out),
       sum(orders), sum(revenue), sum(cost)
  from performance_hour
 group by 1, 2, 3, 4, 5, 6, 7, 8;
