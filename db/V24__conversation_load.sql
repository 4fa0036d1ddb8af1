-- The agents' load: unresolved conversations per assignee, counted on every assignment (least loaded first,
-- within capacity); a partial index keeps that count to the agent's own open conversations.
create index conversation_unresolved_assignee_idx on conversation (assignee) where status <> 'RESOLVED';

-- The expected wait an acknowledgement states: the median first response of the last week.
create index conversation_first_response_idx on conversation (first_response_at) where first_response_at is not null;
