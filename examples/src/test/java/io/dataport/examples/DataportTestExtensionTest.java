package io.dataport.examples;

import io.dataport.Database;
import io.dataport.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * {@code @DataportTest} itself (dataport-test), run through the JUnit Platform on the fixtures of
 * {@link DataportTestFixtures}: once per backend, isolation between classes, cleanup, skip and fail rules,
 * classes in parallel. It lives here, in the module that has every backend, since the backends' own tests use
 * dataport-test.
 */
class DataportTestExtensionTest {

    @BeforeEach
    void clear() {
        DataportTestFixtures.SEEN.clear();
    }

    private static EngineExecutionResults run(Class<?>... classes) {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter");
        for (Class<?> c : classes) {
            kit.selectors(selectClass(c));
        }
        return kit.configurationParameter(DataportTestFixtures.ENABLED, "true")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .execute();
    }

    /** The display names of the runs (class template invocations) that finished. */
    private static List<String> runs(EngineExecutionResults results) {
        List<String> names = new ArrayList<>();
        results.containerEvents().finished().stream().map(Event::getTestDescriptor)
                .filter(d -> d.getUniqueId().toString().contains("class-template-invocation"))
                .forEach(d -> names.add(d.getDisplayName()));
        return names;
    }

    @Test
    void aClassRunsOncePerBackendNamedByItAndEachRunHasItsOwnDatabase() {
        EngineExecutionResults results = run(DataportTestFixtures.OnEveryBackend.class);
        assertThat(runs(results)).containsExactlyInAnyOrder("sqlite", "postgres", "mysql");
        results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6).failed(0).aborted(0));
        assertThat(DataportTestFixtures.SEEN).hasSize(3)
                .anyMatch(s -> s.startsWith("sqlite|") && s.endsWith("|sqlite"))
                .anyMatch(s -> s.startsWith("postgres|dp_test_") && s.endsWith("|postgres"))
                .anyMatch(s -> s.startsWith("mysql|dp_test_") && s.endsWith("|mysql"));
    }

    @Test
    void everyDatabaseIsDroppedAfterItsRun() {
        run(DataportTestFixtures.OnEveryBackend.class, DataportTestFixtures.DatabasePerTest.class);
        assertThat(DataportTestFixtures.SEEN).hasSize(3 + 6);
        for (String seen : DataportTestFixtures.SEEN) {
            String[] parts = seen.split("\\|");
            String backend = parts[0];
            String name = parts[1];
            if (backend.equals("sqlite")) {
                assertThat(Path.of(name)).as("the SQLite file").doesNotExist();
                assertThat(Path.of(name).getParent()).as("its temporary directory").doesNotExist();
            } else {
                try (Database server = Database.open(TestDatabase.serverUrl(backend))) {
                    long left = server.inReadOnlyTransaction(s -> s.handle().createQuery("select count(*) from "
                            + "information_schema.schemata where schema_name = :n").bind("n", name)
                            .mapTo(long.class).one());
                    assertThat(left).as("%s %s left behind", backend, name).isZero();
                }
            }
        }
    }

    @Test
    void classesRunSideBySideNeverSeeEachOthersRows() {
        EngineExecutionResults results = run(DataportTestFixtures.ThreeRows.class, DataportTestFixtures.FiveRows.class,
                DataportTestFixtures.OnEveryBackend.class);
        results.testEvents().assertStatistics(stats -> stats.started(2 * 3 + 6).succeeded(2 * 3 + 6));
    }

    @Test
    void rollbackUndoesEachTestsWork() {
        run(DataportTestFixtures.RolledBack.class).testEvents()
                .assertStatistics(stats -> stats.started(2 * 3).succeeded(2 * 3));
    }

    @Test
    void scopeTestGivesEachTestANewDatabase() {
        run(DataportTestFixtures.DatabasePerTest.class).testEvents()
                .assertStatistics(stats -> stats.started(2 * 3).succeeded(2 * 3));
        assertThat(DataportTestFixtures.SEEN.stream().map(s -> s.split("\\|")[1]).distinct()).hasSize(6);
    }

    @Test
    void onAMethodThatTestRunsOncePerBackendAndTheOthersOnce() {
        EngineExecutionResults results = run(DataportTestFixtures.OnOneMethod.class);
        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(DataportTestFixtures.SEEN).containsExactlyInAnyOrder("sqlite|method", "postgres|method", "plain");
        assertThat(results.testEvents().finished().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .contains("sqlite", "postgres");
    }

    @Test
    void migrationsSetUpEachDatabase() {
        run(DataportTestFixtures.Migrated.class).testEvents()
                .assertStatistics(stats -> stats.started(3).succeeded(3));
    }

    @Test
    void mistakesFailWithTheFix() {
        run(DataportTestFixtures.ConstructorOfAPerTestDatabase.class).testEvents().assertThatEvents()
                .haveExactly(1, finishedWithFailure(message(m -> m.contains("made for each test: take it as a "
                        + "parameter of the test"))));
        assertThat(DataportTestFixtures.SEEN).isEmpty();
        run(DataportTestFixtures.UnknownBackend.class).containerEvents().assertThatEvents()
                .haveExactly(1, finishedWithFailure(message(m -> m.contains("Backend 'oracle' is not one "
                        + "dataport-test can make databases on. Known: sqlite, postgres, mysql"))));
    }

    @Test
    void aMissingServerIsSkippedWithTheWayToProvideIt() throws Exception {
        List<String> out = child(Map.of("DATAPORT_TEST_MYSQL_URL", "off"), DataportTestFixtures.OnEveryBackend.class);
        assertThat(out).contains("sqlite SUCCESSFUL", "postgres SUCCESSFUL")
                .anyMatch(l -> l.startsWith("mysql ABORTED") && l.contains("DATAPORT_TEST_MYSQL_URL=off")
                        && l.contains("Set DATAPORT_TEST_MYSQL_URL to a URL such as mysql://"));
    }

    @Test
    void aMissingServerFailsUnderCiOrWhenRequired() throws Exception {
        List<String> ci = child(Map.of("DATAPORT_TEST_MYSQL_URL", "off", "CI", "true"),
                DataportTestFixtures.OnEveryBackend.class);
        assertThat(ci).anyMatch(l -> l.startsWith("mysql FAILED") && l.contains("CI=true: the mysql tests must run"));
        List<String> required = child(Map.of("DATAPORT_TEST_MYSQL_URL", "off"), DataportTestFixtures.MysqlRequired.class);
        assertThat(required).contains("sqlite SUCCESSFUL")
                .anyMatch(l -> l.startsWith("mysql FAILED") && l.contains("required: the mysql tests must run"));
    }

    /**
     * Runs a fixture class in a JVM of its own, with {@code env} set and {@code CI} unset unless given (the
     * servers are looked for once per JVM); its lines say how each run ended.
     */
    private static List<String> child(Map<String, String> env, Class<?> fixture) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                DataportTestChildMain.class.getName(), fixture.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("CI");
        builder.environment().putAll(env);
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("child JVM ends").isTrue();
        assertThat(lines).as("child output").isNotEmpty();
        return lines;
    }
}
