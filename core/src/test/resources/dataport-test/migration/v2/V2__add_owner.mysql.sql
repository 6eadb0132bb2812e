-- V2 on MySQL: CONCAT() instead of format()
alter table item add column owner varchar(100);
update item set owner = concat('owner-', id);
create index item_owner_idx on item (owner);
