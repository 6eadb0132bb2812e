-- User.bio, nullable (rows already there get null), and an index for GET /users/{id}/posts and the delete of a
-- user's posts (where user_id = ?). Only COLLATE "C" differs from the SQLite script (SQLite has no collation
-- named "C"): what db.schema().addColumn(User.class, "bio") declares, so bio sorts the same on both backends.
ALTER TABLE "users" ADD COLUMN "bio" TEXT COLLATE "C";
CREATE INDEX "posts_user_id_idx" ON "posts" ("user_id");
