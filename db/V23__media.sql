-- Files exchanged in conversations. Customers' files (INBOUND) are recorded when their message is routed and
-- downloaded later from the provider by a poller; agents' files (OUTBOUND) are uploaded by API. The bytes live
-- in a local folder (commerce.conversation.media.folder), one file per row named by its id; the row says
-- what they are and where they stand.
create table media (
    id                varchar(64)  primary key,
    direction         varchar(8)   not null check (direction in ('INBOUND', 'OUTBOUND')),
    channel           varchar(16)  check (channel in ('WHATSAPP', 'SMS')),
    conversation_id   uuid,
    customer_id       varchar(128),
    -- the customer's message it came with: a message routed twice records its file once
    inbound_id        bigint       unique,
    -- inbound: Meta's media id or Twilio's media URL; outbound: the id WhatsApp gave the uploaded file
    provider_media_id varchar(2048),
    provider_uploaded_at timestamptz,
    mime_type         varchar(255),
    size              bigint,
    -- hex SHA-256 of the stored bytes, checked against the provider's checksum when it gave one
    sha256            varchar(64),
    filename          varchar(255),
    -- PENDING: to download; STORED: the bytes are in the folder; FAILED: never will be (gone, too large, too
    -- many attempts; the message itself is kept); DELETED: erased by retention
    status            varchar(8)   not null check (status in ('PENDING', 'STORED', 'FAILED', 'DELETED')),
    failure           varchar(512),
    attempts          integer      not null default 0,
    next_attempt_at   timestamptz,
    created_at        timestamptz  not null,
    stored_at         timestamptz
);

-- the downloads due, oldest first
create index media_due on media (next_attempt_at) where status = 'PENDING';
-- erasure with the customer
create index media_customer on media (customer_id) where customer_id is not null;
-- retention: stored files by age
create index media_stored_age on media (created_at) where status = 'STORED';
