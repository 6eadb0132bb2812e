package io.dataport.test;

import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class once per backend (or, on a method, that test once per backend), each run shown by the
 * backend's name ({@code sqlite}, {@code postgres}, {@code mysql}) in the IDE and in Surefire's reports, and
 * injects the run's {@link io.dataport.Database} (and its {@link TestDatabase}) into the constructor, lifecycle
 * and test methods.
 *
 * <pre>{@code
 * @DataportTest(entities = User.class)
 * class UserRepositoryTest {
 *     @Test
 *     void emailsAreUnique(Database db) {
 *         CrudRepository<User, Long> users = db.repository(User.class);
 *         users.insert(new User(null, "ada@example.com"));
 *         assertThatThrownBy(() -> users.insert(new User(null, "ada@example.com")))
 *                 .isInstanceOf(DuplicateKeyException.class);
 *     }
 * }
 * }</pre>
 *
 * <p>Each run gets its own empty database, dropped afterwards: a temporary SQLite file, a new PostgreSQL schema,
 * a new MySQL database ({@link TestDatabase}). It is set up by {@link #entities()} ({@code db.schema().create})
 * or {@link #migrations()} ({@code db.migrate()}), made once per class run or, with {@link Scope#TEST}, once per
 * test. With {@link #rollback()} every test runs in a transaction that is rolled back.
 *
 * <p>The servers are found as {@link TestDatabase} says (an environment variable with a URL, then a
 * Testcontainers container when a Docker engine answers, then localhost). A backend whose server is not found
 * is skipped with a message that says how to provide one, except under {@code CI=true} or when
 * {@link #required()} names it: then its run fails.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ClassTemplate
@TestTemplate
@ExtendWith(DataportExtension.class)
public @interface DataportTest {

    /**
     * The backends to run on, by name ({@code "sqlite"}, {@code "postgres"}, {@code "mysql"}); empty (the
     * default) for every backend on the test class path.
     *
     * @return the backends' names
     */
    String[] backends() default {};

    /**
     * Backends whose server must be found: their runs fail instead of being skipped when it is not. Under
     * {@code CI=true} every backend is required.
     *
     * @return the backends' names
     */
    String[] required() default {};

    /**
     * Entity classes whose tables are created ({@code db.schema().create}) in each new database.
     *
     * @return the entity classes
     */
    Class<?>[] entities() default {};

    /**
     * A class path location of migrations ({@code db/migration}) applied to each new database
     * ({@code db.migrate()}), before the {@link #entities()}; empty for none.
     *
     * @return the location
     */
    String migrations() default "";

    /**
     * How often a new database is made: once per run of the class (the default) or once per test.
     *
     * @return the scope
     */
    Scope scope() default Scope.CLASS;

    /**
     * Whether each test runs inside a transaction that is rolled back after it, so that tests sharing a class's
     * database do not see each other's rows. Work the test does on that thread joins the transaction; an inner
     * transaction that fails leaves it rollback-only (the test's next statement fails), as in any nested
     * transaction; work on other threads is not rolled back.
     *
     * @return whether tests are rolled back
     */
    boolean rollback() default false;

    /** How often a new database is made. */
    enum Scope {
        /** One database per run of the test class, shared by its tests. */
        CLASS,
        /** One database per test. */
        TEST
    }
}
