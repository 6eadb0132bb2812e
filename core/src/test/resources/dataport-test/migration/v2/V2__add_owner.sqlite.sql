-- V2 on SQLite: printf() instead of format()
alter table item add column owner varchar(100);
update item set owner = printf('owner-%d', id);
create index item_owner_idx on item (owner);
