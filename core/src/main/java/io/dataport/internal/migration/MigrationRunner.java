package io.dataport.internal.migration;

import io.dataport.DataportException;
import io.dataport.Database;
import io.dataport.MigrationException;
import io.dataport.Session;
import io.dataport.TransactionIsolation;
import io.dataport.migration.Migration;
import io.dataport.migration.MigrationBody;
import io.dataport.migration.MigrationReport;
import io.dataport.spi.ColumnType;
import io.dataport.spi.Dialect;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Runs the migrations of one Database: finds the SQL scripts of its location (the backend's variant of a
 * version replacing the shared one) and its Java migrations, checks them against the history table, and
 * applies the pending ones in version order, all in one read-write transaction at READ COMMITTED behind the
 * dialect's migration lock (PostgreSQL: an advisory lock; SQLite: its one writer), so that concurrent
 * migrators apply each version once.
 */
public final class MigrationRunner {
    /** The history table. */
    public static final String HISTORY = "dataport_schema_history";
    private static final Pattern NAME = Pattern.compile("V([^_]+)__(.+?)(?:\\.([A-Za-z0-9]+))?\\.sql");
    /** Statements run as written: no Jdbi parameter parsing (colons, {@code ?}) or templates ({@code <x>}). */
    private static final SqlParser RAW = new SqlParser() {
        @Override
        public ParsedSql parse(String sql, StatementContext ctx) {
            return ParsedSql.builder().append(sql).build();
        }

        @Override
        public String nameParameter(String rawName, StatementContext ctx) {
            return rawName;
        }
    };

    private final Database database;
    private final Dialect dialect;
    private final String location;
    private final List<Migration> javaMigrations;

    /** The runner of {@code database}'s migrations in the class path {@code location}. */
    public MigrationRunner(Database database, Dialect dialect, String location, List<Migration> javaMigrations) {
        this.database = database;
        this.dialect = dialect;
        this.location = ClassPathScripts.normalize(location);
        this.javaMigrations = List.copyOf(javaMigrations);
    }

    /** One migration as found: SQL (with its statements' text) or Java (with its body). */
    private record Found(MigrationVersion version, String description, String type, String script, String checksum,
                         String sql, MigrationBody body) {
        String label() {
            return "Migration V" + version.text() + " (" + description + ")";
        }
    }

    /** One row of the history. */
    private record Applied(MigrationVersion version, String description, String script, String checksum) {
    }

    /**
     * The migrations not applied yet, each as "V2 (add bio) in db/migration/V2__add_bio.sql", read without a
     * lock and without creating the history table: for the drift message of {@code Schema.validate}.
     */
    public List<String> pending() {
        Map<MigrationVersion, Found> available = available();
        if (available.isEmpty()) {
            return List.of();
        }
        List<String> applied = database.inReadOnlyTransaction(session -> {
            boolean exists = !session.handle().createQuery(dialect.tableColumnsQuery()).bind(0, HISTORY)
                    .map((rs, ctx) -> rs.getString(1)).list().isEmpty();
            return exists ? session.handle().createQuery("SELECT version FROM " + HISTORY).mapTo(String.class).list()
                    : List.<String>of();
        });
        List<String> pending = new ArrayList<>();
        for (Found f : available.values()) {
            if (!applied.contains(f.version().text())) {
                pending.add("V" + f.version().text() + " (" + f.description() + ") in " + f.script());
            }
        }
        return pending;
    }

    /** Applies what is pending; see the class comment. */
    public MigrationReport migrate() {
        Map<MigrationVersion, Found> available = available();
        String lock = dialect.migrationLockSql();
        if (dialect.transactionalDdl()) {
            return database.inTransaction(TransactionIsolation.READ_COMMITTED, session -> {
                if (lock != null) {
                    raw(session.handle(), lock, true);
                }
                return run(session, available);
            });
        }
        // Each DDL statement commits by itself: the statements run in auto-commit, each migration recorded as
        // soon as it is applied, under a lock the session holds until it releases it.
        return database.withSession(session -> {
            if (lock != null) {
                raw(session.handle(), lock, true);
            }
            try {
                return run(session, available);
            } finally {
                String unlock = dialect.migrationUnlockSql();
                if (unlock != null) {
                    raw(session.handle(), unlock, true);
                }
            }
        });
    }

    private MigrationReport run(Session session, Map<MigrationVersion, Found> available) {
        raw(session.handle(), "CREATE TABLE IF NOT EXISTS " + HISTORY + " (version "
                + dialect.columnType(ColumnType.STRING, 50) + " PRIMARY KEY, description "
                + dialect.columnType(ColumnType.STRING, 200) + " NOT NULL, type "
                + dialect.columnType(ColumnType.STRING, 10) + " NOT NULL, script "
                + dialect.columnType(ColumnType.STRING, 1000) + " NOT NULL, checksum "
                + dialect.columnType(ColumnType.STRING, 64) + ", installed_at "
                + dialect.columnType(ColumnType.INSTANT, 0) + " NOT NULL, execution_ms "
                + dialect.columnType(ColumnType.LONG, 0) + " NOT NULL, success "
                + dialect.columnType(ColumnType.BOOLEAN, 0) + " NOT NULL)", false);
        Map<MigrationVersion, Applied> applied = new TreeMap<>();
        session.handle().createQuery("SELECT version, description, script, checksum FROM " + HISTORY)
                .map((rs, ctx) -> new Applied(MigrationVersion.parse(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4)))
                .forEach(a -> applied.put(a.version(), a));
        MigrationVersion current = null;
        for (Applied a : applied.values()) {
            Found f = available.get(a.version());
            if (f == null) {
                throw new MigrationException("Migration V" + a.version().text() + " (" + a.description() + ") was "
                        + "applied (" + a.script() + ", recorded in " + HISTORY + ") but is missing from '" + location
                        + "' on the class path and from the Java migrations. Put it back (an applied migration must "
                        + "stay), or check that Database.Builder.migrations(location) names the right location.");
            }
            if (!Objects.equals(a.checksum(), f.checksum())) {
                throw new MigrationException(f.label() + " was changed after it was applied: checksum "
                        + a.checksum() + " in the history, " + f.checksum() + " in " + f.script() + ". Restore "
                        + "the migration as it was applied, and put the change in a new migration with a higher "
                        + "version; if the database already matches the change, set checksum = '" + f.checksum()
                        + "' in " + HISTORY + " for version '" + a.version().text() + "'.");
            }
            current = a.version();
        }
        List<String> before = new ArrayList<>();
        applied.keySet().forEach(v -> before.add(v.text()));
        List<Found> pending = new ArrayList<>();
        for (Found f : available.values()) {
            if (applied.containsKey(f.version())) {
                continue;
            }
            if (current != null && f.version().compareTo(current) < 0) {
                throw new MigrationException(f.label() + " (" + f.script() + ") is pending but older than the "
                        + "current version V" + current.text() + ": migrations apply in version order only. Give "
                        + "it a version above V" + current.text() + ", or, if it must run before the newer ones, "
                        + "apply it to a database that has not had them.");
            }
            pending.add(f);
        }
        List<String> now = new ArrayList<>();
        for (Found f : pending) {
            long start = System.nanoTime();
            apply(session, f, pending.size());
            long ms = (System.nanoTime() - start) / 1_000_000;
            session.handle().createUpdate("INSERT INTO " + HISTORY + " (version, description, type, script, "
                            + "checksum, installed_at, execution_ms, success) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, f.version().text()).bind(1, f.description()).bind(2, f.type()).bind(3, f.script())
                    .bind(4, f.checksum()).bind(5, Instant.now()).bind(6, ms).bind(7, true).execute();
            now.add(f.version().text());
            current = f.version();
        }
        return new MigrationReport(now, before, current == null ? null : current.text());
    }

    private void apply(Session session, Found f, int pending) {
        String rolledBack = dialect.transactionalDdl() ? " Nothing of it" + (pending > 1 ? " nor of the other "
                + (pending - 1) + " pending migration" + (pending > 2 ? "s" : "") : "") + " was applied: all pending "
                + "migrations run in one transaction, which rolled back, and the history is unchanged. Fix it and "
                + "migrate again."
                : " This database commits each schema statement (DDL) at once, so no transaction can undo them: the "
                + "migrations before it are applied and recorded, and its own statements before the failing one "
                + "stay applied, unrecorded. Undo those by hand (or make the script safe to run again), fix it, "
                + "and migrate again.";
        if (f.body() != null) {
            try {
                f.body().migrate(session);
            } catch (Exception e) {
                throw new MigrationException(f.label() + ", a Java migration, failed: " + e.getMessage() + "."
                        + rolledBack, e);
            }
            return;
        }
        for (String statement : ScriptSplitter.split(f.sql())) {
            try {
                raw(session.handle(), statement, false);
            } catch (DataportException e) {
                throw new MigrationException(f.label() + " failed in " + f.script() + " at the statement '"
                        + cut(statement) + "': " + e.getMessage() + rolledBack, e);
            }
        }
    }

    /** Runs a statement as written; a query's rows are read and dropped. */
    private static void raw(Handle handle, String sql, boolean query) {
        if (query) {
            handle.createQuery(sql).configure(SqlStatements.class, MigrationRunner::asWritten).mapToMap().list();
        } else {
            handle.createUpdate(sql).configure(SqlStatements.class, MigrationRunner::asWritten).execute();
        }
    }

    private static void asWritten(SqlStatements statements) {
        statements.setSqlParser(RAW).setTemplateEngine(TemplateEngine.NOP);
    }

    private static String cut(String statement) {
        String oneLine = statement.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }

    /** Every migration for this backend, by version; a name that does not fit or a version found twice is refused. */
    private Map<MigrationVersion, Found> available() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = MigrationRunner.class.getClassLoader();
        }
        String backend = dialect.name();
        Map<MigrationVersion, Found> shared = new TreeMap<>();
        Map<MigrationVersion, Found> variants = new TreeMap<>();
        for (ClassPathScripts.Script s : ClassPathScripts.find(loader, location)) {
            String script = location + "/" + s.fileName();
            Matcher m = NAME.matcher(s.fileName());
            MigrationVersion version = m.matches() ? MigrationVersion.parse(m.group(1)) : null;
            if (version == null) {
                throw new MigrationException("Migration script " + script + " is not named V<version>__<description>"
                        + ".sql (or V<version>__<description>.<backend>.sql), with a version of digits and dots such "
                        + "as V1__create_users.sql or V1.2__add_index.postgres.sql. Rename it, or move it out of '"
                        + location + "'.");
            }
            String variant = m.group(3);
            if (variant != null && !variant.equals(backend)) {
                continue;
            }
            Found f = new Found(version, m.group(2).replace('_', ' '), "SQL", script, checksum(s.text()), s.text(),
                    null);
            Found other = (variant == null ? shared : variants).put(version, f);
            if (other != null) {
                throw twice(f, other);
            }
        }
        Map<MigrationVersion, Found> all = new TreeMap<>(shared);
        all.putAll(variants);
        for (Migration j : javaMigrations) {
            MigrationVersion version = MigrationVersion.parse(j.version());
            if (version == null) {
                throw new MigrationException("Java migration '" + j.description() + "' has the version '"
                        + j.version() + "': a version is digits and dots, such as \"3\" or \"1.2\". Fix it in "
                        + "Migration.of.");
            }
            Found f = new Found(version, j.description(), "JAVA", javaScript(j),
                    j.checksum(), null, j.body());
            Found other = all.put(version, f);
            if (other != null) {
                throw twice(f, other);
            }
        }
        return all;
    }

    /** What the history shows as a Java migration's script: its class, without a lambda's generated suffix. */
    private static String javaScript(Migration j) {
        String name = j.body().getClass().getName();
        int lambda = name.indexOf("$$Lambda");
        return "java:" + (lambda < 0 ? name : name.substring(0, lambda));
    }

    private static MigrationException twice(Found one, Found other) {
        return new MigrationException("Two migrations have the version V" + one.version().text() + ": "
                + other.script() + " and " + one.script() + ". Give one of them another version.");
    }

    /** CRC32 of the text with its line endings made {@code \n}, in hex: the same file on Windows and Unix. */
    static String checksum(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.replace("\r\n", "\n").replace('\r', '\n').getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
