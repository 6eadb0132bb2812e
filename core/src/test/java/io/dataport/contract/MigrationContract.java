package io.dataport.contract;

import io.dataport.Database;
import io.dataport.SchemaMismatchException;
import io.dataport.MigrationException;
import io.dataport.StatementException;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import io.dataport.migration.Migration;
import io.dataport.migration.MigrationReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code Database.migrate()} on every backend: SQL scripts from the class path (core's test resources under
 * {@code dataport-test/migration}, in the test-jar for the backend modules), per-backend variants, Java
 * migrations, the refusals, one transaction for all pending migrations, concurrent migrators, and
 * {@code Database.dataSource()}.
 */
public abstract class MigrationContract {
    protected static final String V1 = "dataport-test/migration/v1";
    protected static final String V2 = "dataport-test/migration/v2";
    protected static final String CHANGED = "dataport-test/migration/changed";
    protected static final String FAILING = "dataport-test/migration/failing";
    private final List<Database> opened = new CopyOnWriteArrayList<>();

    /** An entity a Java migration creates through {@code session.database().schema()}. */
    public record Tag(@Id Long id, String name) {
    }

    /** The items table as V2 leaves it. */
    @Table("item")
    public record Item(@Id Integer id, String name, String owner) {
    }

    @Test
    void validateNamesTheMigrationsTheDatabaseIsBehind() {
        String url = target().freshUrl();
        open(url, V1).migrate();
        Database behind = open(url, V2);
        assertThatThrownBy(() -> behind.schema().validate(Item.class))
                .isInstanceOfSatisfying(SchemaMismatchException.class, e -> assertThat(e.differences())
                        .anySatisfy(d -> assertThat(d).contains("column \"owner\" (Item.owner) is missing"))
                        .last().satisfies(d -> assertThat(d).startsWith("The database is behind its migrations: V2 "
                                + "(add owner) in ").contains("is not applied. Run db.migrate()")));
        behind.migrate();
        behind.schema().validate(Item.class);
    }

    /** The database the subclass tests. */
    protected abstract DatabaseTarget target();

    /** Opens {@code url} with its SQL migrations in {@code location}, and closes it after the test. */
    protected Database open(String url, String location, Migration... java) {
        Database.Builder b = Database.builder(url).migrations(location);
        for (Migration m : java) {
            b.migration(m);
        }
        return track(b.open());
    }

    protected Database track(Database db) {
        opened.add(db);
        return db;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Database::close);
    }

    protected static List<String> strings(Database db, String query) {
        return db.inReadOnlyTransaction(s -> s.handle().createQuery(query).mapTo(String.class).list());
    }

    /** Whether the backend's DDL rolls back with its transaction: not on MySQL, which commits each statement. */
    protected boolean ddlIsTransactional() {
        return !target().backend().equals("mysql");
    }

    protected static List<String> history(Database db) {
        return db.inReadOnlyTransaction(s -> s.handle().createQuery("select version || ' ' || type || ' ' || script "
                + "from dataport_schema_history order by installed_at, version").mapTo(String.class).list());
    }

    @Test
    void anUpgradeKeepsEveryRowAndASecondRunAppliesNothing() {
        String url = target().freshUrl();
        MigrationReport first = open(url, V1).migrate();
        assertThat(first.applied()).containsExactly("1");
        assertThat(first.alreadyApplied()).isEmpty();
        assertThat(first.currentVersion()).isEqualTo("1");
        assertThat(first).hasToString("Migrated to V1: applied V1; already applied none");

        Database db = open(url, V2);
        MigrationReport second = db.migrate();
        assertThat(second.applied()).containsExactly("2");
        assertThat(second.alreadyApplied()).containsExactly("1");
        assertThat(second.current()).contains("2");
        assertThat(strings(db, "select name || '=' || owner from item order by id"))
                .as("every row kept, the backend's variant filled the new column")
                .containsExactly("apple; red=owner-1", "it's a pear=owner-2", "plum=owner-3");
        assertThatThrownBy(() -> db.useTransaction(s -> s.execute("create index item_owner_idx on item (owner)")))
                .as("V2 created the index").isInstanceOf(StatementException.class);
        String backend = target().backend();
        String variant = V2 + (backend.equals("postgres") ? "/V2__add_owner.sql" : "/V2__add_owner." + backend + ".sql");
        assertThat(history(db)).containsExactly("1 SQL " + V1 + "/V1__create_items.sql", "2 SQL " + variant);

        MigrationReport third = db.migrate();
        assertThat(third.applied()).isEmpty();
        assertThat(third.alreadyApplied()).containsExactly("1", "2");
        assertThat(third).hasToString("Up to date at V2: applied none; already applied V1, V2");
        assertThat(history(db)).hasSize(2);
    }

    @Test
    void aMigrationChangedAfterItWasAppliedIsRefused() {
        String url = target().freshUrl();
        open(url, V1).migrate();
        Database db = open(url, CHANGED);
        MigrationException e = catchThrowableOfType(MigrationException.class, db::migrate);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("Migration V1 (create items) was changed after it was applied: checksum ")
                .contains(" in the history, ").contains(" in " + CHANGED + "/V1__create_items.sql. Restore ");
        assertThat(strings(db, "select name from item where id = 3")).as("nothing ran").containsExactly("plum");
    }

    @Test
    void anAppliedMigrationMissingFromTheClassPathIsRefused() {
        String url = target().freshUrl();
        open(url, V2).migrate();
        MigrationException e = catchThrowableOfType(MigrationException.class, () -> open(url, V1).migrate());
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("Migration V2 (add owner) was applied (")
                .contains("but is missing from '" + V1 + "'").contains("Put it back");
    }

    @Test
    void aPendingMigrationOlderThanTheCurrentVersionIsRefused() {
        String url = target().freshUrl();
        Migration v3 = Migration.of("3", "later", s -> s.execute("update item set name = name || '!'"));
        open(url, V1, v3).migrate();
        Database db = open(url, V2, v3);
        MigrationException e = catchThrowableOfType(MigrationException.class, db::migrate);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("Migration V2 (add owner) (" + V2 + "/V2__add_owner")
                .contains("is pending but older than the current version V3");
        assertThat(history(db)).hasSize(2);
    }

    @Test
    void aFailingMigrationLeavesNothingOfItAndTheHistoryUnchanged() {
        String url = target().freshUrl();
        open(url, V1).migrate();
        Database db = open(url, FAILING);
        List<String> before = history(db);
        MigrationException e = catchThrowableOfType(MigrationException.class, db::migrate);
        assertThat(e).isNotNull();
        if (!ddlIsTransactional()) {
            // MySQL commits each DDL statement: V3 is not recorded, and what it did before failing stays.
            assertThat(e.getMessage()).startsWith("Migration V3 (broken) failed in " + FAILING + "/V3__broken.sql at "
                    + "the statement 'selec oops from item': ")
                    .contains("commits each schema statement (DDL) at once")
                    .contains("its own statements before the failing one stay applied, unrecorded");
            assertThat(history(db)).as("V3 is not recorded").isEqualTo(before);
            assertThat(strings(db, "select price from item where id = 100")).as("what V3 did before failing stays")
                    .containsExactly((String) null);
            return;
        }
        assertThat(e.getMessage()).startsWith("Migration V3 (broken) failed in " + FAILING + "/V3__broken.sql at the "
                + "statement 'selec oops from item': ").contains("all pending migrations run in one transaction");
        assertThat(e.getCause()).isInstanceOf(StatementException.class);
        assertThat(history(db)).isEqualTo(before);
        assertThat(strings(db, "select name from item order by id")).as("V3's insert rolled back")
                .containsExactly("apple; red", "it's a pear", "plum");
        assertThatThrownBy(() -> strings(db, "select price from item")).as("V3's column rolled back")
                .isInstanceOf(StatementException.class);
    }

    @Test
    void aFailureRollsBackEveryPendingMigrationOfTheRunTheHistoryTableToo() {
        String url = target().freshUrl();
        Database db = open(url, FAILING);
        if (!ddlIsTransactional()) {
            // MySQL: each migration before the failing one is applied and recorded as it completes.
            assertThatThrownBy(db::migrate).isInstanceOf(MigrationException.class).hasMessageContaining("Migration V3");
            assertThat(history(db)).containsExactly("1 SQL " + FAILING + "/V1__create_items.sql");
            assertThat(strings(db, "select name from item order by id")).contains("apple; red", "plum");
            return;
        }
        assertThatThrownBy(db::migrate).isInstanceOf(MigrationException.class).hasMessageContaining("Migration V3")
                .hasMessageContaining("nor of the other 1 pending migration was applied");
        assertThatThrownBy(() -> strings(db, "select name from item")).isInstanceOf(StatementException.class);
        assertThatThrownBy(() -> history(db)).isInstanceOf(StatementException.class);
    }

    @Test
    void concurrentMigratorsApplyEachVersionOnce() throws Exception {
        String url = target().freshUrl();
        Database a = open(url, V2);
        Database b = open(url, V2);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<MigrationReport>> reports = new ArrayList<>();
            for (Database db : List.of(a, b)) {
                reports.add(pool.submit(() -> {
                    start.await();
                    return db.migrate();
                }));
            }
            start.countDown();
            MigrationReport ra = reports.get(0).get(60, TimeUnit.SECONDS);
            MigrationReport rb = reports.get(1).get(60, TimeUnit.SECONDS);
            List<String> applied = new ArrayList<>(ra.applied());
            applied.addAll(rb.applied());
            assertThat(applied).as("each version applied exactly once").containsExactlyInAnyOrder("1", "2");
            assertThat(ra.currentVersion()).isEqualTo("2");
            assertThat(rb.currentVersion()).isEqualTo("2");
        } finally {
            pool.shutdownNow();
        }
        assertThat(strings(a, "select version from dataport_schema_history order by version"))
                .containsExactly("1", "2");
        assertThat(strings(a, "select owner from item order by id")).containsExactly("owner-1", "owner-2", "owner-3");
    }

    @Test
    void migrateOnOpenFromTheBuilderOrTheUrl() {
        String url = target().freshUrl();
        Database db = track(Database.builder(url).migrations(V1).migrateOnOpen(true).open());
        assertThat(strings(db, "select name from item order by id")).hasSize(3);
        Database fromSettings = track(Database.builder(url).property("migrations", V2)
                .property("migrateOnOpen", "true").open());
        assertThat(fromSettings.config().migrations()).isEqualTo(V2);
        assertThat(strings(fromSettings, "select owner from item order by id")).hasSize(3).doesNotContainNull();
        assertThat(Database.builder(url).open().config().migrateOnOpen()).as("default").isFalse();
        String other = target().freshUrl();
        assertThatThrownBy(() -> Database.builder(other).migrations(FAILING).migrateOnOpen(true).open())
                .isInstanceOf(MigrationException.class).hasMessageContaining("Migration V3");
    }

    @Test
    void javaMigrationsRunInVersionOrderWithTheSqlOnes() {
        String url = target().freshUrl();
        Migration tags = Migration.of("1.5", "tags", s -> {
            s.database().schema().create(Tag.class);
            s.repository(Tag.class).insert(new Tag(null, "items: " + s.handle()
                    .createQuery("select count(*) from item").mapTo(int.class).one()));
        }).withChecksum("tags-1");
        Database db = open(url, V2, tags);
        MigrationReport report = db.migrate();
        assertThat(report.applied()).containsExactly("1", "1.5", "2");
        assertThat(strings(db, "select name from tag")).containsExactly("items: 3");
        assertThat(strings(db, "select version || ' ' || type || ' ' || checksum from dataport_schema_history "
                + "where version = '1.5'")).containsExactly("1.5 JAVA tags-1");
        assertThat(open(url, V2, tags).migrate().applied()).isEmpty();
        Migration changed = Migration.of("1.5", "tags", s -> { }).withChecksum("tags-2");
        assertThatThrownBy(() -> open(url, V2, changed).migrate()).isInstanceOf(MigrationException.class)
                .hasMessageContaining("Migration V1.5 (tags) was changed after it was applied");
        Migration failing = Migration.of("3", "fails", s -> s.execute("insert into nowhere (x) values (1)"));
        MigrationException e = catchThrowableOfType(MigrationException.class,
                () -> open(url, V2, tags, failing).migrate());
        assertThat(e.getMessage()).startsWith("Migration V3 (fails), a Java migration, failed: ");
        assertThat(e.getCause()).isInstanceOf(StatementException.class);
    }

    @Test
    void aDataSourceConnectionRunsSqlAndIsGivenBackOnClose() throws SQLException {
        Database db = track(target().open());
        Connection kept;
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            kept = c;
            st.execute("create table ds (x integer)");
            st.execute("insert into ds (x) values (1)");
            c.setAutoCommit(false);
            st.execute("insert into ds (x) values (2)");
            try (ResultSet rs = st.executeQuery("select count(*) from ds")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
        assertThat(kept.isClosed()).isTrue();
        assertThatThrownBy(kept::createStatement).isInstanceOf(SQLException.class).hasMessageContaining("closed");
        assertThat(strings(db, "select x from ds")).as("a transaction left open is rolled back").containsExactly("1");
        assertThat(db.metrics().activeConnections()).as("given back").isZero();
        db.useTransaction(s -> s.execute("insert into ds (x) values (3)"));
        assertThat(strings(db, "select x from ds order by x")).containsExactly("1", "3");
    }
}
