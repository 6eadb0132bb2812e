alter table item add column price integer;
insert into item (id, name) values (100, 'not kept');
selec oops from item;
