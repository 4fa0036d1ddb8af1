-- 'OPTED_OUT' is nine characters: the opt-out touch never fitted varchar(8), so opt-outs were not counted.
alter table message_touch alter column kind type varchar(16);
