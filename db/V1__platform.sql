-- Spring Modulith's JDBC event publication registry (schema v2 for PostgreSQL, owned here by Flyway).
-- Every event a module listener must see is recorded in the publishing transaction and marked complete
-- when the listener has run, so a crash after commit loses none (republished on restart).
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- Idempotency-Key records: claimed before the request runs, holding its first response afterwards.
create table idempotency_record (
    client          varchar(64)  not null,
    idempotency_key varchar(255) not null,
    fingerprint     varchar(64)  not null,
    locked_at       timestamptz  not null,
    status          int,
    content_type    varchar(255),
    body            bytea,
    primary key (client, idempotency_key)
);
create index idempotency_record_locked_at_idx on idempotency_record (locked_at);
