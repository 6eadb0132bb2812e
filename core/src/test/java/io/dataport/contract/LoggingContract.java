package io.dataport.contract;

import io.dataport.Database;
import io.dataport.DatabaseMetrics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SQL log ({@code io.dataport.sql}), the transaction events ({@code io.dataport.transaction}) and
 * {@code Database.metrics()}, the same on every backend. The log is read from a child JVM whose SLF4J simple
 * logger writes Dataport's categories at DEBUG, in order with the probe's step markers ({@link LogProbe}).
 */
public abstract class LoggingContract extends ContractSupport {
    private static final String SECRET = "Secret-Value-8641";
    private static final String SQL = " io.dataport.sql - ";
    private static final String TX = " io.dataport.transaction - ";

    @Test
    void everyStatementIsLoggedOnceWithoutValuesAndTransactionsWithTheirEvents() throws Exception {
        List<String> out;
        try (ChildJvm child = ChildJvm.start(LogProbe.class, List.of(
                        "-Dorg.slf4j.simpleLogger.log.io.dataport=debug",
                        "-Dorg.slf4j.simpleLogger.showLogName=true",
                        "-Dorg.slf4j.simpleLogger.logFile=System.out"),
                target().freshUrl(), SECRET)) {
            int exit = child.waitFor(Duration.ofMinutes(2));
            out = child.stdout();
            assertThat(exit).as("probe exit; output:\n%s\n%s", String.join("\n", out), child.stderr()).isZero();
        }
        assertThat(out).contains("DONE");
        Map<String, List<String>> sql = new LinkedHashMap<>();
        Map<String, List<String>> tx = new LinkedHashMap<>();
        Map<String, Integer> counted = new LinkedHashMap<>();
        String step = null;
        for (String line : out) {
            if (line.startsWith("STEP ")) {
                step = line.substring(5);
                sql.put(step, new ArrayList<>());
                tx.put(step, new ArrayList<>());
            } else if (line.startsWith("END ")) {
                counted.put(step, Integer.parseInt(line.substring(line.indexOf("statements=") + 11)));
                step = null;
            } else if (step != null && line.contains(SQL)) {
                sql.get(step).add(line.substring(line.indexOf(SQL) + SQL.length()));
            } else if (step != null && line.contains(TX)) {
                tx.get(step).add(line.substring(line.indexOf(TX) + TX.length()));
            }
        }
        String backend = "[" + target().backend() + "] ";
        assertThat(counted.keySet()).containsExactly("ddl", "insert", "batch", "find", "update", "stream", "jdbi",
                "delete", "rollback", "retry");
        counted.forEach((name, n) -> assertThat(sql.get(name)).as("SQL lines of step %s, one per statement run", name)
                .hasSize(n).allSatisfy(l -> assertThat(l).startsWith(backend).contains(" ms")));
        assertThat(sql.get("ddl")).anySatisfy(l -> assertThat(l).contains("CREATE TABLE"));
        assertThat(sql.get("insert")).anySatisfy(l -> assertThat(l).contains("1 row: INSERT INTO"));
        assertThat(sql.get("batch")).anySatisfy(l -> assertThat(l).contains("3 rows: INSERT INTO"));
        assertThat(sql.get("find")).singleElement().satisfies(l -> assertThat(l).contains("1 row: SELECT"));
        assertThat(sql.get("update")).anySatisfy(l -> assertThat(l).contains("1 row: UPDATE"));
        assertThat(sql.get("stream")).anySatisfy(l -> assertThat(l).contains("4 rows: SELECT").contains("LIMIT"));
        assertThat(sql.get("jdbi")).singleElement().satisfies(l -> assertThat(l)
                .contains("select count(*) from log_item where name <> :name"));
        assertThat(sql.get("delete")).anySatisfy(l -> assertThat(l).contains("1 row: DELETE"));
        assertThat(out).as("no bound value without showParameterValues").noneSatisfy(l -> assertThat(l).contains(SECRET));

        assertThat(tx.get("jdbi")).anySatisfy(l -> assertThat(l).startsWith(backend + "begin read-write SERIALIZABLE"))
                .anySatisfy(l -> assertThat(l).startsWith(backend + "commit after 1 statement"));
        assertThat(tx.get("rollback")).anySatisfy(l -> assertThat(l).startsWith(backend + "rollback after ")
                .endsWith("cause java.lang.IllegalStateException"));
        assertThat(tx.get("retry")).anySatisfy(l -> assertThat(l).startsWith(backend + "retry: attempt 1 of 10 failed")
                .contains("running it again after a backoff"));
    }

    @Test
    void metricsCountTheWorkDone() {
        LongAdder statements = new LongAdder();
        try (Database counted = target().builder().slowStatementThreshold(Duration.ofNanos(1))
                .statementListener(sql -> statements.increment()).open()) {
            counted.useTransaction(s -> s.execute("create table m (id integer primary key, v integer)"));
            DatabaseMetrics before = counted.metrics();
            long statementsBefore = statements.sum();
            for (int i = 0; i < 100; i++) {
                int id = i;
                counted.useTransaction(s -> s.execute("insert into m(id, v) values (?, ?)", id, id));
            }
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> counted.useTransaction(s -> {
                    s.execute("insert into m(id, v) values (?, ?)", 1000, 0);
                    throw new IllegalStateException("no");
                })).isInstanceOf(IllegalStateException.class);
            }
            int rows = counted.inReadOnlyTransaction(s -> s.handle().createQuery("select count(*) from m")
                    .mapTo(int.class).one());
            assertThat(rows).isEqualTo(100);
            DatabaseMetrics between = counted.metrics();
            long ran = statements.sum() - statementsBefore;
            counted.schema().create(LogProbe.LogItem.class);
            DatabaseMetrics beforeInserts = counted.metrics();
            for (int i = 0; i < 3; i++) {
                counted.repository(LogProbe.LogItem.class).insert(new LogProbe.LogItem(null, "one " + i));
            }
            assertThat(counted.metrics().transactionsCommitted() - beforeInserts.transactionsCommitted())
                    .as("a single repository write is one transaction on every backend").isEqualTo(3);
            DatabaseMetrics after = between;
            assertThat(after.backend()).isEqualTo(target().backend());
            assertThat(after.transactionsCommitted() - before.transactionsCommitted()).as("commits").isEqualTo(101);
            assertThat(after.transactionsRolledBack() - before.transactionsRolledBack()).as("rollbacks").isEqualTo(5);
            assertThat(after.transactionsRetried() - before.transactionsRetried()).isZero();
            assertThat(after.statementsExecuted() - before.statementsExecuted()).as("statements").isEqualTo(ran);
            assertThat(after.slowStatements() - before.slowStatements()).as("all slow at 1 ns").isEqualTo(ran);
            assertThat(after.connectionsTaken() - before.connectionsTaken()).isEqualTo(106);
            assertThat(after.maxConnections()).isPositive();
            assertThat(after.activeConnections()).as("nothing runs now").isZero();
            assertThat(after.threadsWaiting()).isZero();
            assertThat(after.writerWaitMax()).isPositive().isGreaterThanOrEqualTo(after.writerWaitP50());
        }
    }
}
