package io.dataport.examples;

import io.dataport.CrudRepository;
import io.dataport.Database;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import io.dataport.test.DataportTest;
import io.dataport.test.TestDatabase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test classes that {@link DataportTestExtensionTest} runs through the JUnit Platform (never run by Surefire
 * itself: nested classes): each records what it saw, for the outer test to check.
 */
final class DataportTestFixtures {
    /** The configuration parameter that {@link DataportTestExtensionTest} sets: elsewhere the fixtures are off. */
    static final String ENABLED = "dataport.fixtures";

    /** Runs the fixtures only under {@link DataportTestExtensionTest} (not from an IDE's "run all in package"). */
    static final class OnlyWhenAsked implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(ENABLED).isPresent()
                    ? ConditionEvaluationResult.enabled("run by DataportTestExtensionTest")
                    : ConditionEvaluationResult.disabled("a fixture of DataportTestExtensionTest");
        }
    }

    /** What the fixtures saw: "backend|database name|Database.backend()". */
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    private DataportTestFixtures() {
    }

    @Table("dt_notes")
    public record Note(@Id Long id, String text) {
    }

    /** Two tests sharing the class's database on every backend. */
    @ExtendWith(OnlyWhenAsked.class)    @DataportTest(entities = Note.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class OnEveryBackend {
        private final CrudRepository<Note, Long> notes;

        OnEveryBackend(Database db) {
            this.notes = db.repository(Note.class);
        }

        @Test
        @Order(1)
        void firstInsert(Database db, TestDatabase database) {
            SEEN.add(database.backend() + "|" + database.name() + "|" + db.backend());
            notes.insert(new Note(null, "one"));
            assertThat(notes.count()).isEqualTo(1);
        }

        @Test
        @Order(2)
        void secondSeesTheFirstsRow() {
            notes.insert(new Note(null, "two"));
            assertThat(notes.count()).isEqualTo(2);
        }
    }

    /** Inserts three rows and expects exactly those: run beside {@link FiveRows} at the same time. */
    @ExtendWith(OnlyWhenAsked.class)    @DataportTest(entities = Note.class)
    static class ThreeRows {
        @Test
        void onlyItsOwnRows(Database db) {
            insertAndCount(db, 3);
        }
    }

    /** Inserts five rows and expects exactly those. */
    @ExtendWith(OnlyWhenAsked.class)    @DataportTest(entities = Note.class)
    static class FiveRows {
        @Test
        void onlyItsOwnRows(Database db) {
            insertAndCount(db, 5);
        }
    }

    static void insertAndCount(Database db, int n) {
        CrudRepository<Note, Long> notes = db.repository(Note.class);
        for (int i = 0; i < n; i++) {
            notes.insert(new Note(null, "row " + i));
        }
        assertThat(notes.count()).isEqualTo(n);
    }

    /** rollback = true: the second test does not see the first one's row. */
    @ExtendWith(OnlyWhenAsked.class)    @DataportTest(entities = Note.class, rollback = true)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class RolledBack {
        @Test
        @Order(1)
        void inserts(Database db) {
            db.repository(Note.class).insert(new Note(null, "gone"));
            assertThat(db.repository(Note.class).count()).isEqualTo(1);
        }

        @Test
        @Order(2)
        void seesNothingOfTheFirst(Database db) {
            assertThat(db.repository(Note.class).count()).isZero();
        }
    }

    /** scope = TEST: a new database for each test. */
    @ExtendWith(OnlyWhenAsked.class)    @DataportTest(entities = Note.class, scope = DataportTest.Scope.TEST)
    static class DatabasePerTest {
        @Test
        void one(Database db, TestDatabase database) {
            SEEN.add(database.backend() + "|" + database.name() + "|one");
            insertAndCount(db, 1);
        }

        @Test
        void two(Database db, TestDatabase database) {
            SEEN.add(database.backend() + "|" + database.name() + "|two");
            insertAndCount(db, 1);
        }
    }

    /** The annotation on one method, on two backends. */
    @ExtendWith(OnlyWhenAsked.class)
    static class OnOneMethod {
        @DataportTest(backends = {"sqlite", "postgres"})
        void ping(Database db) {
            db.ping();
            SEEN.add(db.backend() + "|method");
        }

        @Test
        void plain() {
            SEEN.add("plain");
        }
    }

    /** Set up by the users service's migrations. */
    @ExtendWith(OnlyWhenAsked.class)    @DataportTest(migrations = "db/migration")
    static class Migrated {
        @Test
        void tablesOfTheMigrationsExist(Database db) {
            db.schema().validate(User.class, Post.class);
            assertThat(db.migrate().applied()).as("all applied before the test").isEmpty();
        }
    }

    /** A per-test database asked for in the constructor: refused with the fix. */
    @ExtendWith(OnlyWhenAsked.class)    @DataportTest(backends = "sqlite", scope = DataportTest.Scope.TEST)
    static class ConstructorOfAPerTestDatabase {
        ConstructorOfAPerTestDatabase(Database db) {
            SEEN.add("constructed " + db);
        }

        @Test
        void never() {
        }
    }

    /** A backend dataport-test does not know. */
    @ExtendWith(OnlyWhenAsked.class)    @DataportTest(backends = "oracle")
    static class UnknownBackend {
        @Test
        void never() {
        }
    }

    /** MySQL required: fails rather than skips when its server is missing. */
    @ExtendWith(OnlyWhenAsked.class)    @DataportTest(backends = {"sqlite", "mysql"}, required = "mysql")
    static class MysqlRequired {
        @Test
        void runs(Database db) {
            db.ping();
        }
    }
}
