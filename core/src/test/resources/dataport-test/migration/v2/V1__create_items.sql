-- V1: the items table, with three rows
create table item (
    id integer primary key,
    name varchar(100) not null   -- 'a; b' in a comment is no end
);
insert into item (id, name) values (1, 'apple; red');
insert into item (id, name) values (2, 'it''s a pear');
/* a block comment; with a semicolon */
insert into item (id, name) values (3, 'plum');
