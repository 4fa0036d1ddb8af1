-- The console's lists over every status (and the API's unfiltered list) read the most recent conversations
-- first: without this index PostgreSQL sorted all of them (a million: 300-450 ms a page, docs/benchmarks.md).
-- last_message_at is in two indexes already, so the inbound path's updates of it were not HOT before either.
create index conversation_recent_idx on conversation (last_message_at desc, id);
