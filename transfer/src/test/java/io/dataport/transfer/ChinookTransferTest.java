package io.dataport.transfer;

import io.dataport.Database;
import io.dataport.mysql.MysqlTarget;
import io.dataport.postgres.PostgresTarget;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinook from SQLite to PostgreSQL or MySQL and back to a new SQLite file: same tables, rows and checksums, and
 * the same answers to an application's queries. Each test runs once per server backend.
 */
class ChinookTransferTest {
    /** A server backend as these tests use it. */
    private record Target(String backend, String url, String currentSchema, String decimalType, boolean fold,
                          String artistId) {
        /**
         * A fresh, empty database of the backend. MySQL finds tables by exact name on Linux, so unquoted
         * {@code Album} needs the source spelling there; PostgreSQL folds unquoted names to lower case.
         */
        static Target of(String backend) {
            return backend.equals("postgres")
                    ? new Target(backend, PostgresTarget.INSTANCE.freshUrl(), "current_schema()", "numeric", true,
                    "artistid")
                    : new Target(backend, MysqlTarget.INSTANCE.freshUrl(), "database()", "decimal", false, "ArtistId");
        }
    }

    private static final List<String> TABLES = List.of("Album", "Artist", "Customer", "Employee", "Genre", "Invoice",
            "InvoiceLine", "MediaType", "Playlist", "PlaylistTrack", "Track");

    /** Queries an application written for the SQLite Chinook runs; unquoted names, as apps write them. */
    private static final List<String> QUERIES = List.of(
            "select count(*) from Track",
            "select ar.ArtistId, ar.Name, count(*) as albums from Artist ar join Album al on al.ArtistId = ar.ArtistId"
                    + " group by ar.ArtistId, ar.Name order by albums desc, ar.ArtistId limit 5",
            "select sum(Total) from Invoice",
            "select c.CustomerId, c.LastName, sum(i.Total) as spent from Customer c join Invoice i"
                    + " on i.CustomerId = c.CustomerId group by c.CustomerId, c.LastName order by spent desc,"
                    + " c.CustomerId limit 5",
            "select FirstName, LastName from Employee where ReportsTo is null",
            "select e.LastName as employee, m.LastName as manager from Employee e join Employee m on e.ReportsTo = m.EmployeeId"
                    + " order by e.EmployeeId",
            "select count(*) from Invoice where InvoiceDate >= '2023-01-01' and InvoiceDate < '2024-01-01'",
            "select t.TrackId, t.Name, t.UnitPrice, t.Milliseconds from Track t join PlaylistTrack pt"
                    + " on pt.TrackId = t.TrackId where pt.PlaylistId = 3 order by t.TrackId limit 10",
            "select BirthDate from Employee order by EmployeeId");

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void roundTripKeepsTablesRowsAndChecksums(String backend, @TempDir Path dir) {
        Path chinook = TransferSupport.chinookCopy(dir);
        String sourceUrl = "sqlite:" + chinook;
        Target target = Target.of(backend);
        String serverUrl = target.url();
        String backUrl = "sqlite:" + dir.resolve("back.sqlite");

        TransferReport there = Transfer.from(sourceUrl).to(serverUrl).run();
        TransferReport back = Transfer.from(serverUrl).to(backUrl).run();

        assertThat(there.tables()).extracting(TransferReport.Table::source).containsExactlyInAnyOrderElementsOf(TABLES);
        assertThat(back.tables()).extracting(TransferReport.Table::source).containsExactlyInAnyOrderElementsOf(TABLES);
        try (Database source = Database.builder(sourceUrl).readOnly(true).open();
             Database server = Database.open(serverUrl);
             Database sqlite = Database.open(backUrl)) {
            for (String table : TABLES) {
                TransferReport.Table a = there.table(table);
                TransferReport.Table b = back.table(table);
                long rows = TransferSupport.count(source, "\"" + table + "\"");
                assertThat(a.sourceRows()).as(table).isEqualTo(rows).isEqualTo(a.targetRows());
                assertThat(b.sourceRows()).as(table).isEqualTo(rows).isEqualTo(b.targetRows());
                assertThat(a.sourceChecksum()).as(table).hasSize(32);
                assertThat(TransferSupport.count(server, "\"" + table + "\"")).as(table).isEqualTo(rows);
                assertThat(TransferSupport.count(sqlite, "\"" + table + "\"")).as(table).isEqualTo(rows);
                assertThat(a.targetChecksum()).as(table).isEqualTo(a.sourceChecksum());
                assertThat(b.sourceChecksum()).as(table).isEqualTo(a.targetChecksum());
                assertThat(b.targetChecksum()).as(table).isEqualTo(b.sourceChecksum());
            }
            String unitPrice = server.inReadOnlyTransaction(s -> s.handle().createQuery(
                    "select data_type from information_schema.columns where table_schema = " + target.currentSchema()
                            + " and table_name = 'Track' and column_name = 'UnitPrice'").mapTo(String.class).one());
            assertThat(unitPrice).isEqualTo(target.decimalType());
            List<String> names = sqlite.inReadOnlyTransaction(s -> s.handle().createQuery(
                    "select name from sqlite_master where type = 'table' order by name").mapTo(String.class).list());
            assertThat(names).containsExactlyElementsOf(TABLES.stream().sorted().collect(Collectors.toList()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void applicationQueriesGiveTheSameResultsOnSourceAndBothTargets(String backend, @TempDir Path dir) {
        Path chinook = TransferSupport.chinookCopy(dir);
        String sourceUrl = "sqlite:" + chinook;
        Target target = Target.of(backend);
        String serverUrl = target.url();
        String backUrl = "sqlite:" + dir.resolve("back.sqlite");
        Transfer.from(sourceUrl).to(serverUrl).foldIdentifiers(target.fold()).run();
        Transfer.from(serverUrl).to(backUrl).run();

        try (Database source = Database.open(sourceUrl);
             Database server = Database.open(serverUrl);
             Database sqlite = Database.open(backUrl)) {
            for (String sql : QUERIES) {
                List<List<String>> expected = TransferSupport.rows(source, sql);
                assertThat(expected).as(sql).isNotEmpty();
                assertThat(TransferSupport.rows(server, sql)).as(backend + ": " + sql).isEqualTo(expected);
                assertThat(TransferSupport.rows(sqlite, sql)).as("SQLite again: " + sql).isEqualTo(expected);
            }
            // Identity continues after the highest copied id on every database.
            for (Database db : List.of(source, server, sqlite)) {
                long id = db.inTransaction(s -> s.handle().createUpdate("insert into Artist (Name) values ('New')")
                        .executeAndReturnGeneratedKeys(db.backend().equals("sqlite") ? "ArtistId" : target.artistId())
                        .mapTo(long.class).one());
                assertThat(id).as(db.backend().toLowerCase(Locale.ROOT)).isEqualTo(276L);
            }
        }
    }
}
