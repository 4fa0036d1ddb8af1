-- Durable journey enrollments: one per journey and trigger (a cart, an order, a shipment), advanced by a
-- runner that claims due rows with FOR UPDATE SKIP LOCKED and a lease (claim_token, claimed_until): a step's
-- transaction commits only while its runner still holds the lease, so no enrollment advances twice.
create table enrollment (
    id          uuid primary key,
    journey     varchar(64)  not null,
    trigger_id  varchar(300) not null,
    customer_id varchar(128) not null,
    step        int          not null default 0,
    status      varchar(16)  not null check (status in ('ACTIVE', 'COMPLETED', 'EXITED')),
    next_run_at timestamptz  not null,
    exit_reason varchar(64),
    context     jsonb        not null default '{}',
    attempts    int          not null default 0,
    claim_token   uuid,
    claimed_until timestamptz,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    unique (journey, trigger_id)
);
create index enrollment_due_idx on enrollment (next_run_at) where status = 'ACTIVE';
create index enrollment_customer_idx on enrollment (customer_id, created_at);
