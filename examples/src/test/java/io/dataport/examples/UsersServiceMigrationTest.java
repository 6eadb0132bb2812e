package io.dataport.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataport.Database;
import io.dataport.MigrationException;
import io.dataport.SchemaMismatchException;
import io.dataport.mapping.Column;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import io.dataport.migration.MigrationReport;
import io.dataport.test.DataportTest;
import io.dataport.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The users service's migrations on a database of an older version, written once and run on every backend by
 * {@link DataportTest}, each test on a new database: a database at V1 (created by the service's own V1 scripts, alone) is upgraded to V2 when the
 * service opens it, keeping its rows.
 */
@DataportTest(scope = DataportTest.Scope.TEST)
class UsersServiceMigrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The {@code users} table as V1 made it and the service mapped it then: no {@code bio}. */
    @Table("users")
    record UserV1(@Id Long id,
                  @Column(length = 100) String name,
                  @Column(unique = true, length = 200) String email,
                  Instant createdAt) {
    }

    @TempDir
    Path dir;

    private String url;

    @BeforeEach
    void newDatabase(TestDatabase database) {
        url = database.url();
    }

    @Test
    void aDatabaseAtV1IsMigratedToV2WithItsRowsWhenTheServiceStarts() throws Exception {
        Instant created = Instant.parse("2024-05-01T10:15:30.123Z");
        long id;
        try (Database v1 = Database.builder(url).migrations("v1-only").open()) {
            MigrationReport report = withClassPath(onlyV1(), v1::migrate);
            assertThat(report.applied()).containsExactly("1");
            id = v1.repository(UserV1.class).insert(new UserV1(null, "Ada", "ada@example.com", created)).id();
            assertThatThrownBy(() -> v1.schema().validate(User.class, Post.class))
                    .as("the service's entities on a V1 database").isInstanceOf(SchemaMismatchException.class)
                    .hasMessageContaining("bio");
        }

        try (Database db = UsersService.openDatabase(url, false);
             UsersService service = UsersService.start(db, 0)) {
            assertThat(db.migrate()).hasToString("Up to date at V2: applied none; already applied V1, V2");
            assertThat(db.repository(User.class).findById(id))
                    .contains(new User(id, "Ada", "ada@example.com", null, created));

            HttpClient client = HttpClient.newHttpClient();
            JsonNode ada = JSON.readTree(client.send(HttpRequest.newBuilder(service.uri().resolve("/users/" + id))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(ada.get("email").asText()).isEqualTo("ada@example.com");
            assertThat(ada.get("bio").isNull()).as("bio of a V1 row: %s", ada).isTrue();
            HttpResponse<String> put = client.send(HttpRequest.newBuilder(service.uri().resolve("/users/" + id))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"bio\":\"Wrote the first program.\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as("PUT: %s", put.body()).isEqualTo(200);
            assertThat(db.repository(User.class).findById(id)).hasValueSatisfying(u -> {
                assertThat(u.bio()).isEqualTo("Wrote the first program.");
                assertThat(u.createdAt()).isEqualTo(created);
            });
        }
    }

    @Test
    void tablesMadeWithoutMigrationsAreRefusedWithWhatToDo() {
        try (Database old = Database.open(url)) {
            old.schema().create(UserV1.class, Post.class);  // what the service did before it had migrations
        }
        assertThatThrownBy(() -> UsersService.openDatabase(url, false)).isInstanceOfSatisfying(MigrationException.class,
                e -> assertThat(UsersService.cannotMigrate(e)).contains("V1", "already exists", "currentSchema"));
    }

    /** A class path directory {@code v1-only} with the service's V1 scripts (both backends' variants) alone. */
    private Path onlyV1() throws IOException, URISyntaxException {
        URL migrations = UsersService.class.getClassLoader().getResource("db/migration");
        assertThat(migrations).as("db/migration on the class path").isNotNull();
        Path target = Files.createDirectories(dir.resolve("classes").resolve("v1-only"));
        int copied = 0;
        try (DirectoryStream<Path> v1 = Files.newDirectoryStream(Path.of(migrations.toURI()), "V1__*.sql")) {
            for (Path script : v1) {
                Files.copy(script, target.resolve(script.getFileName().toString()));
                copied++;
            }
        }
        assertThat(copied).as("V1 scripts").isPositive();
        return target.getParent();
    }

    /** Runs {@code action} with {@code root} added to the thread's context class loader, where migrations look. */
    private static <T> T withClassPath(Path root, Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, before)) {
            thread.setContextClassLoader(loader);
            return action.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
