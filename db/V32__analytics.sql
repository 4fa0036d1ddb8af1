-- Analytics: read models of what messages earn (docs/analytics.md).

-- Every request for a tracked link; robots (link-preview fetchers) are kept but marked; a message's first
-- click by a person is its unique clicker. customer_id is blanked on erasure.
create table link_click (
    id          bigint generated always as identity primary key,
    token       varchar(32)  not null,
    message_id  uuid         not null,
    customer_id varchar(128),
    channel     varchar(16)  not null,
    clicked_at  timestamptz  not null,
    robot       boolean      not null,
    first       boolean      not null
);
create index link_click_customer_idx on link_click (customer_id, clicked_at) where not robot;

-- Messages a person clicked, and those answered: each counts once.
create table message_touch (
    message_id uuid        not null,
    kind       varchar(8)  not null check (kind in ('CLICKED', 'REPLIED', 'OPTED_OUT')),
    at         timestamptz not null,
    primary key (message_id, kind)
);

-- The funnel per hour and message dimensions (source: campaign, journey, conversation or api; '' for none).
-- Writers append to performance_delta in their own transaction (no hot rows); a roller folds the deltas into
-- performance_hour every few seconds; a report sums both.
create table performance_hour (
    hour            timestamptz   not null,
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
    primary key (hour, source, campaign_id, journey, step, template_key, channel, variant)
);

create table performance_delta (
    id              bigint generated always as identity primary key,
    hour            timestamptz   not null,
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
    cost            numeric(16,4) not null default 0
);

-- Each order attributed once, to one message; its revenue counts in the hour it was placed, under that
-- message's dimensions, and is taken back when the order is cancelled.
create table order_attribution (
    order_id      varchar(128)  primary key,
    customer_id   varchar(128),
    message_id    uuid          not null,
    touch         varchar(8)    not null check (touch in ('CODE', 'CLICK', 'VIEW')),
    touched_at    timestamptz   not null,
    placed_at     timestamptz   not null,
    source        varchar(16)   not null,
    campaign_id   varchar(128)  not null,
    journey       varchar(100)  not null,
    step          varchar(100)  not null,
    template_key  varchar(100)  not null,
    channel       varchar(16)   not null,
    variant       varchar(32)   not null,
    revenue       numeric(16,2) not null,
    currency      varchar(3)    not null,
    cancelled_at  timestamptz
);

-- What a message costs, by date: WhatsApp per delivered template message by category and the recipient's
-- market (ISO country, '*' for the rest), SMS per segment. The row with the latest valid_from not after the
-- message's time applies. Defaults and their source: docs/analytics.md.
create table rate_card (
    valid_from date          not null,
    channel    varchar(16)   not null,
    category   varchar(16)   not null,
    market     varchar(8)    not null,
    price      numeric(10,4) not null check (price >= 0),
    currency   varchar(3)    not null,
    primary key (valid_from, channel, category, market)
);

insert into rate_card (valid_from, channel, category, market, price, currency) values
    ('2025-07-01', 'WHATSAPP', 'MARKETING', 'ES', 0.0510, 'EUR'),
    ('2025-07-01', 'WHATSAPP', 'UTILITY',   'ES', 0.0166, 'EUR'),
    ('2025-07-01', 'WHATSAPP', 'MARKETING', 'NL', 0.1323, 'EUR'),
    ('2025-07-01', 'WHATSAPP', 'UTILITY',   'NL', 0.0553, 'EUR'),
    ('2025-07-01', 'WHATSAPP', 'MARKETING', 'DE', 0.1131, 'EUR'),
    ('2025-07-01', 'WHATSAPP', 'UTILITY',   'DE', 0.0456, 'EUR'),
    ('2025-07-01', 'WHATSAPP', 'MARKETING', 'FR', 0.0712, 'EUR'),
    ('2025-07-01', 'WHATSAPP', 'UTILITY',   'FR', 0.0249, 'EUR'),
    ('2025-07-01', 'WHATSAPP', 'MARKETING', 'IT', 0.0573, 'EUR'),
    ('2025-07-01', 'WHATSAPP', 'UTILITY',   'IT', 0.0249, 'EUR'),
    ('2025-07-01', 'WHATSAPP', 'MARKETING', 'GB', 0.0438, 'EUR'),
    ('2025-07-01', 'WHATSAPP', 'UTILITY',   'GB', 0.0182, 'EUR'),
    ('2025-07-01', 'WHATSAPP', 'MARKETING', 'US', 0.0207, 'EUR'),
    ('2025-07-01', 'WHATSAPP', 'UTILITY',   'US', 0.0033, 'EUR'),
    ('2025-07-01', 'WHATSAPP', 'MARKETING', '*',  0.0500, 'EUR'),
    ('2025-07-01', 'WHATSAPP', 'UTILITY',   '*',  0.0064, 'EUR'),
    ('2025-07-01', 'SMS',      'SEGMENT',   'ES', 0.0700, 'EUR'),
    ('2025-07-01', 'SMS',      'SEGMENT',   'NL', 0.0900, 'EUR'),
    ('2025-07-01', 'SMS',      'SEGMENT',   'DE', 0.0800, 'EUR'),
    ('2025-07-01', 'SMS',      'SEGMENT',   'GB', 0.0400, 'EUR'),
    ('2025-07-01', 'SMS',      'SEGMENT',   'US', 0.0070, 'EUR'),
    ('2025-07-01', 'SMS',      'SEGMENT',   '*',  0.0600, 'EUR');
