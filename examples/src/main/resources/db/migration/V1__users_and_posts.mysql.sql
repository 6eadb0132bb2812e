-- The tables as db.schema().create(User.class, Post.class) makes them on MySQL and MariaDB (db.schema().createSql):
-- AUTO_INCREMENT ids, DATETIME(6) in UTC, and text in utf8mb4 with the binary no-pad collation utf8mb4_nopad_bin,
-- so that sorting and comparisons follow code point order, as on SQLite and PostgreSQL's "C". Double-quoted names
-- work because Dataport's connections run with sql_mode ANSI_QUOTES. Plain CREATE TABLE: tables made without a
-- migration history are not adopted silently, V1 fails on them instead.
CREATE TABLE "users" (
    "id" BIGINT AUTO_INCREMENT PRIMARY KEY,
    "name" VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin,
    "email" VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin UNIQUE,
    "created_at" DATETIME(6)
);
CREATE TABLE "posts" (
    "id" BIGINT AUTO_INCREMENT PRIMARY KEY,
    "user_id" BIGINT NOT NULL,
    "title" VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin,
    "body" LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin,
    "created_at" DATETIME(6)
);
