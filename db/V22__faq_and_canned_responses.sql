-- Automatic answers to common questions (PUT /api/v1/faq/{faqId}): one row per entry. Its questions and
-- answers, per language, are in the two tables below; the application keeps an in-memory index of them.
create table faq (
    id         varchar(128) primary key,
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);

-- The ways customers ask an FAQ entry's question, as written by the shop, in the order given, per language.
create table faq_question (
    faq_id   varchar(128) not null references faq (id) on delete cascade,
    language varchar(3)   not null,
    position smallint     not null,
    text     varchar(200) not null,
    primary key (faq_id, language, position)
);

-- The answer the bot sends for an FAQ entry, one per language.
create table faq_answer (
    faq_id   varchar(128)  not null references faq (id) on delete cascade,
    language varchar(3)    not null,
    text     varchar(4096) not null,
    primary key (faq_id, language)
);

-- Canned responses agents insert in their replies (PUT /api/v1/canned-responses/{key}); the texts, with
-- placeholders such as {firstName}, are in canned_response_text.
create table canned_response (
    key        varchar(128) primary key,
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);

-- A canned response's text in one language.
create table canned_response_text (
    response_key varchar(128)  not null references canned_response (key) on delete cascade,
    language     varchar(3)    not null,
    text         varchar(4096) not null,
    primary key (response_key, language)
);
