-- Figures added in place, one row per hour and dimensions, by a writer that runs alone in its instance (the
-- click writer): a batch of clicks updates a few rows instead of appending a delta per click, so the roll-up
-- folds tens of rows an hour instead of one per click (ADR 0024). An hour's rows are folded into
-- performance_hour and performance_day a minute after it ends, so writers and the roll-up never wait for each
-- other; a report sums them with the roll-ups and the deltas.
-- Same columns, defaults and primary key (hour and dimensions) as performance_hour.
create table performance_tally (like performance_hour including all);
