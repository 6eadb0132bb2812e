-- User.bio, nullable (rows already there get null), and an index for GET /users/{id}/posts and the delete of a
-- user's posts (where user_id = ?). What db.schema().addColumn(User.class, "bio") declares on MySQL and MariaDB:
-- LONGTEXT in utf8mb4_nopad_bin, so bio sorts the same as on the other backends. Each DDL statement commits on its
-- own (MySQL has no transactional DDL): Dataport records the version once both statements ran.
ALTER TABLE "users" ADD COLUMN "bio" LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;
CREATE INDEX "posts_user_id_idx" ON "posts" ("user_id");
