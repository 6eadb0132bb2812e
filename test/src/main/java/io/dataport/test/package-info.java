/**
 * Testing an application on every backend with JUnit 5: {@link io.dataport.test.DataportTest} runs a test class
 * (or method) once per backend, SQLite on a temporary file and every PostgreSQL and MySQL/MariaDB server found,
 * each run on its own empty database; {@link io.dataport.test.TestDatabase} makes such a database by hand.
 *
 * <pre>{@code
 * @DataportTest(entities = Post.class)
 * class PostRepositoryTest {
 *     private final CrudRepository<Post, Long> posts;
 *
 *     PostRepositoryTest(Database db) {
 *         posts = db.repository(Post.class);
 *     }
 *
 *     @Test
 *     void insertGivesAnId() {
 *         assertThat(posts.insert(new Post(null, 7L, "hello")).id()).isNotNull();
 *     }
 * }
 * }</pre>
 */
package io.dataport.test;
