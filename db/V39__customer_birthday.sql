-- Birthdays found by month and day (the loyalty programme's birthday offers).
create index customer_birthday_idx on customer ((extract(month from birthday) * 100 + extract(day from birthday)))
    where birthday is not null and erased_at is null;
