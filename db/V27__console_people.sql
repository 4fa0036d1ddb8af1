-- The people who sign in to the console (/console/**): agents and admins. Each one is an agent of the
-- conversations API (agent.id), so that what they answer in the console is theirs in the API and the service
-- levels too. Passwords are kept as Spring Security's delegating encoder writes them ({bcrypt}…); five wrong
-- passwords in a row lock the account until locked_until.
create table person (
    id              uuid         primary key,
    email           varchar(320) not null,
    name            varchar(200) not null,
    password_hash   varchar(500) not null,
    role            varchar(8)   not null check (role in ('AGENT', 'ADMIN')),
    agent_id        varchar(64)  not null references agent (id),
    language        varchar(8)   not null default 'en' check (language in ('en', 'es', 'nl')),
    enabled         boolean      not null default true,
    failed_sign_ins integer      not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);

create unique index person_email_key on person (lower(email));
create unique index person_agent_key on person (agent_id);
