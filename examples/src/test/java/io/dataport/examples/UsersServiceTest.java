package io.dataport.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataport.Database;
import io.dataport.test.DataportTest;
import io.dataport.test.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end scenarios of the {@link UsersService}, written once and run on every backend by {@link DataportTest}
 * (each test on a new database of its own): the service runs on a free port and is driven over real HTTP.
 */
@DataportTest(scope = DataportTest.Scope.TEST)
class UsersServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Database db;
    private UsersService service;
    private HttpClient client;

    private String backend;

    @BeforeEach
    void startService(TestDatabase database) {
        backend = database.backend();
        db = UsersService.openDatabase(database.url(), false);
        service = UsersService.start(db, 0);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stopService() {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void metricsHaveHikariCpsPoolMetersOnTheServerBackends() {
        if (backend.equals("sqlite")) {
            assertThat(metricsText()).as("SQLite has no HikariCP pool").doesNotContain("hikaricp_");
            return;
        }
        assertThat(metricsText()).contains("hikaricp_connections{", "hikaricp_connections_active{",
                "hikaricp_connections_acquire_seconds_count{");
    }

    @Test
    void wholeCrudLifecycle() {
        Response created = post("/users", "{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"}");
        assertThat(created.status).isEqualTo(201);
        long id = created.json.get("id").asLong();
        assertThat(created.location).isEqualTo("/users/" + id);
        assertThat(created.json.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(created.json.get("createdAt").asText()).endsWith("Z");
        assertThat(created.json.get("bio").isNull()).as("bio left out").isTrue();

        Response read = get(created.location);
        assertThat(read.status).isEqualTo(200);
        assertThat(read.json).isEqualTo(created.json);

        Response updated = put(created.location,
                "{\"name\":\"Ada King\",\"email\":\"ada@example.org\",\"bio\":\" Countess of Lovelace \"}");
        assertThat(updated.status).isEqualTo(200);
        assertThat(get(created.location).json.get("bio").asText()).isEqualTo("Countess of Lovelace");
        assertThat(get(created.location).json.get("email").asText()).isEqualTo("ada@example.org");
        assertThat(get(created.location).json.get("name").asText()).isEqualTo("Ada King");
        assertThat(get(created.location).json.get("createdAt")).isEqualTo(created.json.get("createdAt"));

        Response post = post(created.location + "/posts", "{\"title\":\"Notes\",\"body\":\"On the engine\"}");
        assertThat(post.status).isEqualTo(201);
        assertThat(post.location).isEqualTo(created.location + "/posts/" + post.json.get("id").asLong());
        assertThat(post.json.get("userId").asLong()).isEqualTo(id);
        post(created.location + "/posts", "{\"title\":\"More\",\"body\":\"\"}");
        Response posts = get(created.location + "/posts");
        assertThat(posts.status).isEqualTo(200);
        assertThat(posts.json.findValuesAsText("title")).containsExactly("Notes", "More");

        assertThat(delete(created.location).status).isEqualTo(204);
        assertThat(get(created.location).status).isEqualTo(404);
        assertThat(get(created.location + "/posts").status).isEqualTo(404);
        assertThat(db.repository(Post.class).count()).as("posts of a deleted user").isZero();
        assertThat(delete(created.location).status).isEqualTo(404);
    }

    @Test
    void listsUsersPageByPageInTheRequestedOrder() {
        for (String name : List.of("Carol", "Alice", "Eve", "Bob", "Dave")) {
            assertThat(post("/users", user(name, name.toLowerCase() + "@example.com")).status).isEqualTo(201);
        }
        Response first = get("/users?page=0&size=2&sort=name");
        assertThat(first.status).isEqualTo(200);
        assertThat(first.json.get("content").findValuesAsText("name")).containsExactly("Alice", "Bob");
        assertThat(first.json.get("totalElements").asLong()).isEqualTo(5);
        assertThat(first.json.get("totalPages").asInt()).isEqualTo(3);
        assertThat(get("/users?page=2&size=2&sort=name").json.get("content").findValuesAsText("name"))
                .containsExactly("Eve");
        assertThat(get("/users?size=3&sort=-name").json.get("content").findValuesAsText("name"))
                .containsExactly("Eve", "Dave", "Carol");
        assertThat(get("/users?sort=-createdAt,name").json.get("content").size()).isEqualTo(5);
        assertThat(get("/users").json.get("content").findValuesAsText("name"))
                .as("unsorted: by id").containsExactly("Carol", "Alice", "Eve", "Bob", "Dave");
    }

    @Test
    void healthReportsBackendAndLatency() {
        Response health = get("/health");
        assertThat(health.status).isEqualTo(200);
        assertThat(health.json.get("status").asText()).isEqualTo("up");
        assertThat(health.json.get("backend").asText()).isEqualTo(backend);
        assertThat(health.json.get("latencyMs").isNumber()).isTrue();
    }

    @Test
    void metricsArePrometheusTextWithTheDatabasesMeters() {
        assertThat(post("/users", user("Ada", "ada@example.com")).status).isEqualTo(201);

        String metrics = metricsText();
        String committed = metrics.lines()
                .filter(l -> l.startsWith("dataport_transactions_total{") && l.contains("outcome=\"committed\""))
                .findFirst().orElseThrow(() -> new AssertionError("no committed transactions line in:\n" + metrics));
        assertThat(committed).contains("backend=\"" + backend + "\"").contains("db=\"users\"");
        assertThat(Double.parseDouble(committed.substring(committed.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("dataport_transactions_total{", "outcome=\"rolled_back\"",
                "dataport_statements_total{", "dataport_connections_max{", "dataport_writer_wait_p99_seconds{");
    }

    @Test
    void missingIdsAre404() {
        assertError(get("/users/999"), 404);
        assertError(put("/users/999", user("Nobody", "nobody@example.com")), 404);
        assertError(delete("/users/999"), 404);
        assertError(post("/users/999/posts", "{\"title\":\"t\",\"body\":\"b\"}"), 404);
        assertError(get("/users/999/posts"), 404);
        assertThat(db.repository(Post.class).count()).isZero();
    }

    @Test
    void duplicateEmailIs409() {
        assertThat(post("/users", user("Ada", "ada@example.com")).status).isEqualTo(201);
        Response bob = post("/users", user("Bob", "bob@example.com"));
        assertError(post("/users", user("Ada again", "ada@example.com")), 409);
        assertError(put(bob.location, user("Bob", "ada@example.com")), 409);
        assertThat(get(bob.location).json.get("email").asText()).isEqualTo("bob@example.com");
        assertThat(get("/users").json.get("totalElements").asLong()).isEqualTo(2);
    }

    @Test
    void malformedJsonAndMissingFieldsAre400() {
        assertError(post("/users", "{\"name\":\"Ada\","), 400);
        assertError(post("/users", "not json"), 400);
        assertError(post("/users", ""), 400);
        assertError(post("/users", "null"), 400);
        assertError(post("/users", "[]"), 400);
        assertError(post("/users", "{\"name\":\"Ada\"}"), 400);
        assertError(post("/users", "{\"email\":\"ada@example.com\"}"), 400);
        assertError(post("/users", "{\"name\":\" \",\"email\":\"ada@example.com\"}"), 400);
        assertError(post("/users", "{\"name\":\"Ada\",\"email\":\"not-an-address\"}"), 400);
        assertError(post("/users", user("x".repeat(101), "ada@example.com")), 400);
        assertError(post("/users", "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"admin\":true}"), 400);
        assertError(post("/users", "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"bio\":\""
                + "x".repeat(UsersApi.MAX_BIO_LENGTH + 1) + "\"}"), 400);
        Response ada = post("/users", user("Ada", "ada@example.com"));
        assertError(put(ada.location, "{\"name\":\"Ada\"}"), 400);
        assertError(post(ada.location + "/posts", "{\"title\":\"t\"}"), 400);
        assertError(post(ada.location + "/posts", "{oops}"), 400);
        assertError(get("/users/abc"), 400);
        assertThat(get("/users").json.get("totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void badPagingAndSortAre400() {
        assertError(get("/users?page=-1"), 400);
        assertError(get("/users?page=abc"), 400);
        assertError(get("/users?size=0"), 400);
        assertError(get("/users?size=" + (UsersApi.MAX_PAGE_SIZE + 1)), 400);
        assertError(get("/users?sort=password"), 400);
        assertError(get("/users?sort=name,,email"), 400);
        assertError(get("/users?sort=name%3Bdrop%20table%20users"), 400);
        assertThat(get("/users?sort=name").status).isEqualTo(200);
    }

    @Test
    void twentyConcurrentClientsCreateUsers() throws Exception {
        int clients = 20;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                String body = user("User " + i, "user" + i + "@example.com");
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return post("/users", body);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(responses).extracting(r -> r.status).containsOnly(201);
            for (int i = 0; i < clients; i++) {
                Response read = get(responses.get(i).location);
                assertThat(read.status).isEqualTo(200);
                assertThat(read.json.get("email").asText()).isEqualTo("user" + i + "@example.com");
            }
            assertThat(get("/users?size=100").json.get("totalElements").asLong()).isEqualTo(clients);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void postsAddedWhileTheUserIsDeletedNeverOutliveIt() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            for (int round = 0; round < 3; round++) {
                Response author = post("/users", user("Author " + round, "author" + round + "@example.com"));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Response>> adds = new ArrayList<>();
                for (int i = 0; i < writers; i++) {
                    String body = "{\"title\":\"Post " + i + "\",\"body\":\"text\"}";
                    adds.add(pool.submit(() -> {
                        go.await();
                        return post(author.location + "/posts", body);
                    }));
                }
                Future<Response> deletion = pool.submit(() -> {
                    go.await();
                    return delete(author.location);
                });
                go.countDown();
                assertThat(deletion.get(60, TimeUnit.SECONDS).status).isEqualTo(204);
                for (Future<Response> add : adds) {
                    assertThat(add.get(60, TimeUnit.SECONDS).status).isIn(201, 404);
                }
                assertThat(db.repository(Post.class).count()).as("orphan posts after round %d", round).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String user(String name, String email) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}";
    }

    private static void assertError(Response response, int status) {
        assertThat(response.status).as("status of %s", response.body).isEqualTo(status);
        assertThat(response.json.get("status").asInt()).isEqualTo(status);
        assertThat(response.json.get("message").asText()).isNotBlank();
    }

    /** {@code GET /metrics}: asserts 200 and Prometheus's text format, returns the body. */
    protected String metricsText() {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/metrics")).GET()
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("status of /metrics: %s", r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("text/plain; version=0.0.4"));
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private Response post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Response put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private URI uri(String path) {
        return service.uri().resolve(path);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("no server error: %s", r.body()).isLessThan(500);
            return new Response(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, Location header, body and the body as JSON (null when empty). */
    private static final class Response {
        final int status;
        final String location;
        final String body;
        final JsonNode json;

        Response(int status, String location, String body) {
            this.status = status;
            this.location = location;
            this.body = body;
            try {
                this.json = body.isEmpty() ? null : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Response body is not JSON: " + body, e);
            }
        }
    }
}
