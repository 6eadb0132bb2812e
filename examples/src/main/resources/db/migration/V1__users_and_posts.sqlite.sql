-- The tables as db.schema().create(User.class, Post.class) made them before the service had migrations
-- (db.schema().createSql(...) on SQLite). Plain CREATE TABLE: tables made without a migration history are not
-- adopted silently, V1 fails on them instead.
CREATE TABLE "users" (
    "id" INTEGER PRIMARY KEY,
    "name" VARCHAR(100),
    "email" VARCHAR(200) UNIQUE,
    "created_at" TEXT
);
CREATE TABLE "posts" (
    "id" INTEGER PRIMARY KEY,
    "user_id" INTEGER NOT NULL,
    "title" VARCHAR(200),
    "body" TEXT,
    "created_at" TEXT
);
