-- The shop's business hours, set with PUT /api/v1/business-hours: when people answer customers. Outside them
-- customers get the away message and service-level clocks pause. No row means nobody has set them yet and
-- the configured default (commerce.business-hours.*) applies. At most one row (id = 1); a PUT replaces the
-- row, the shifts and the closures in one transaction, locking this row so concurrent PUTs queue.
create table business_hours (
    id         smallint    primary key check (id = 1),
    timezone   varchar(64) not null, -- IANA zone (Europe/Madrid) the shifts and closure dates are read in
    updated_at timestamptz not null
);

-- The weekly shifts: day 1 = Monday ... 7 = Sunday; minutes after local midnight in business_hours.timezone,
-- the end excluded (1440 = the midnight that ends the day). A day without rows is closed; a day with two
-- rows has a split shift (09:00-14:00, 15:00-18:00). Shifts of one day never overlap.
create table business_shift (
    day          smallint not null check (day between 1 and 7),
    start_minute smallint not null check (start_minute between 0 and 1439),
    end_minute   smallint not null check (end_minute between 1 and 1440),
    primary key (day, start_minute),
    check (end_minute > start_minute)
);

-- Whole days the shop is closed (holidays), as local dates in business_hours.timezone; the reason may be
-- named in the away message ("Hoy cerramos por Navidad.").
create table business_closure (
    closure_date date primary key,
    reason       varchar(200)
);
