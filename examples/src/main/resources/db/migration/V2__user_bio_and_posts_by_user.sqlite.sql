-- User.bio, nullable (rows already there get null), and an index for GET /users/{id}/posts and the delete of a
-- user's posts (where user_id = ?).
ALTER TABLE "users" ADD COLUMN "bio" TEXT;
CREATE INDEX "posts_user_id_idx" ON "posts" ("user_id");
