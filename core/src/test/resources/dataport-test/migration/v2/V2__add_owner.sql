-- V2, shared (PostgreSQL here): every item gets an owner and an index on it
alter table item add column owner varchar(100);
/* format() is PostgreSQL's; the SQLite variant uses printf() */
update item set owner = format('owner-%s', id);
do $$
begin
    if (select count(*) from item where owner is null) > 0 then
        raise exception 'an item has no owner; stop';
    end if;
end
$$;
create index item_owner_idx on item (owner);
