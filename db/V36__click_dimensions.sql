-- A click keeps its message's origin, template and variant: attributing an order to it needs no look-up of the
-- message (docs/benchmarks.md, attribution).
alter table link_click add column origin varchar(100);
alter table link_click add column origin_ref varchar(128);
alter table link_click add column template_key varchar(100);
alter table link_click add column variant varchar(32);
