package io.dataport.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.dataport.InvalidQueryException;
import io.dataport.ConnectionException;
import io.dataport.CrudRepository;
import io.dataport.Database;
import io.dataport.DuplicateKeyException;
import io.dataport.EntityNotFoundException;
import io.dataport.Page;
import io.dataport.PageRequest;
import io.dataport.Sort;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.dataport.Condition.where;

/**
 * The routes of the {@link UsersService} and the mapping of failures to status codes. Every database call is
 * one transaction, so a request either happens whole or not at all, on SQLite, PostgreSQL and MySQL alike.
 */
final class UsersApi {
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_BIO_LENGTH = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(UsersApi.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    /** What {@link PrometheusMeterRegistry#scrape()} writes: Prometheus's text format 0.0.4. */
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Database db;
    private final CrudRepository<User, Long> users;
    private final ObjectMapper json;
    private final PrometheusMeterRegistry metrics;

    UsersApi(Database db, ObjectMapper json, PrometheusMeterRegistry metrics) {
        this.db = db;
        this.users = db.repository(User.class);
        this.json = json;
        this.metrics = metrics;
    }

    /** The JSON mapper of the service: ISO-8601 instants, unknown properties rejected. */
    static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** The body of {@code POST /users} and {@code PUT /users/{id}}: {@code bio} may be left out. */
    record UserForm(String name, String email, String bio) {
    }

    /** The body of {@code POST /users/{id}/posts}. */
    record PostForm(String title, String body) {
    }

    /** One page of {@code GET /users}. */
    record UserPage(List<User> content, int page, int size, long totalElements, int totalPages) {
    }

    /** The body of every error response. */
    record ErrorBody(int status, String error, String message) {
    }

    /** Adds the routes and the error mapping to a Javalin configuration. */
    void register(RoutesConfig app) {
        app.get("/health", this::health);
        app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
        app.post("/users", this::createUser);
        app.get("/users", this::listUsers);
        app.get("/users/{id}", this::getUser);
        app.put("/users/{id}", this::updateUser);
        app.delete("/users/{id}", this::deleteUser);
        app.post("/users/{id}/posts", this::createPost);
        app.get("/users/{id}/posts", this::listPosts);

        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(DuplicateKeyException.class, (e, ctx) ->
                error(ctx, 409, "E-mail address is already in use. Choose another one."));
        app.exception(EntityNotFoundException.class, (e, ctx) -> error(ctx, 404, "User not found."));
        app.exception(ConnectionException.class, (e, ctx) -> {
            LOG.warn("Database unavailable: {}", e.getMessage());
            error(ctx, 503, "Database unavailable. Try again later.");
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "Internal error.");
        });
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("backend", db.backend());
        try {
            Duration latency = db.ping();
            body.put("status", "up");
            body.put("latencyMs", latency.toNanos() / 1_000_000.0);
            ctx.json(body);
        } catch (ConnectionException e) {
            body.put("status", "down");
            body.put("error", e.getMessage());
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(body);
        }
    }

    private void createUser(Context ctx) {
        UserForm form = validUser(read(ctx, UserForm.class));
        User created = users.insert(new User(null, form.name(), form.email(), form.bio(), now()));
        ctx.status(HttpStatus.CREATED).header("Location", "/users/" + created.id()).json(created);
    }

    private void listUsers(Context ctx) {
        int page = intParam(ctx, "page", 0, 0, Integer.MAX_VALUE);
        int size = intParam(ctx, "size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        Page<User> result;
        try {
            PageRequest request = PageRequest.of(page, size, Sort.parse(ctx.queryParam("sort")));
            // Count and page in one read-only transaction, so the totals match the content.
            result = db.inReadOnlyTransaction(s -> s.<User, Long>repository(User.class).findAll(request));
        } catch (InvalidQueryException e) {
            // Sort.parse and the repository reject a sort key the entity does not have: the client's mistake.
            throw ApiError.badRequest("Query parameter 'sort' is invalid: " + e.getMessage());
        }
        ctx.json(new UserPage(result.content(), page, size, result.totalElements(), result.totalPages()));
    }

    private void getUser(Context ctx) {
        long id = idParam(ctx);
        ctx.json(users.findById(id).orElseThrow(() -> userNotFound(id)));
    }

    private void updateUser(Context ctx) {
        long id = idParam(ctx);
        UserForm form = validUser(read(ctx, UserForm.class));
        User updated = db.inTransaction(s -> {
            CrudRepository<User, Long> tx = s.repository(User.class);
            User old = tx.findById(id).orElseThrow(() -> userNotFound(id));
            return tx.update(new User(id, form.name(), form.email(), form.bio(), old.createdAt()));
        });
        ctx.json(updated);
    }

    private void deleteUser(Context ctx) {
        long id = idParam(ctx);
        boolean deleted = db.inTransaction(s -> {
            // The user first: on PostgreSQL this locks the row, so a post being added waits and then finds no
            // author (see createPost). Then the posts, in the same transaction: no post outlives its author.
            boolean gone = s.repository(User.class).deleteById(id);
            if (gone) {
                s.<Post, Long>repository(Post.class).deleteAll(where("userId").eq(id));
            }
            return gone;
        });
        if (!deleted) {
            throw userNotFound(id);
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void createPost(Context ctx) {
        long id = idParam(ctx);
        PostForm form = validPost(read(ctx, PostForm.class));
        Post created = db.inTransaction(s -> {
            // Lock the author's row for the rest of the transaction (portable SELECT ... FOR UPDATE): a
            // concurrent delete of the user waits for this post and then deletes it too.
            if (s.execute("update users set email = email where id = ?", id) == 0) {
                throw userNotFound(id);
            }
            return s.<Post, Long>repository(Post.class).insert(new Post(null, id, form.title(), form.body(), now()));
        });
        ctx.status(HttpStatus.CREATED).header("Location", "/users/" + id + "/posts/" + created.id()).json(created);
    }

    private void listPosts(Context ctx) {
        long id = idParam(ctx);
        List<Post> list = db.inReadOnlyTransaction(s -> {
            if (!s.<User, Long>repository(User.class).existsById(id)) {
                throw userNotFound(id);
            }
            return s.<Post, Long>repository(Post.class).findAll(where("userId").eq(id));
        });
        ctx.json(list);
    }

    private <T> T read(Context ctx, Class<T> type) {
        T value;
        try {
            value = json.readValue(ctx.body(), type);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("Request body is not valid JSON for this request: "
                    + e.getOriginalMessage() + ". Send a JSON object, e.g. "
                    + (type == UserForm.class ? "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}"
                    : "{\"title\":\"Hello\",\"body\":\"First post\"}") + ".");
        }
        if (value == null) {
            throw ApiError.badRequest("Request body is null. Send a JSON object.");
        }
        return value;
    }

    private static UserForm validUser(UserForm form) {
        String name = required("name", form.name(), 100);
        String email = required("email", form.email(), 200);
        if (!EMAIL.matcher(email).matches()) {
            throw ApiError.badRequest("Field 'email' is not an e-mail address: " + email + ".");
        }
        return new UserForm(name, email, optional("bio", form.bio(), MAX_BIO_LENGTH));
    }

    private static PostForm validPost(PostForm form) {
        String title = required("title", form.title(), 200);
        if (form.body() == null) {
            throw ApiError.badRequest("Field 'body' is missing. Send it, even empty.");
        }
        return new PostForm(title, form.body());
    }

    private static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw ApiError.badRequest("Field '" + field + "' is missing or blank. Send a non-empty string.");
        }
        String v = value.strip();
        if (v.length() > maxLength) {
            throw ApiError.badRequest("Field '" + field + "' is too long: " + v.length() + " characters. Send at most "
                    + maxLength + ".");
        }
        return v;
    }

    /** A field that may be left out: null when missing or blank, else stripped and at most {@code maxLength}. */
    private static String optional(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : required(field, value, maxLength);
    }

    private static long idParam(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("User id is not a number: " + raw + ". Use the id from the Location header.");
        }
    }

    private static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badRequest("Query parameter '" + name + "' must be a whole number from " + min + " to "
                + max + ": " + raw + ".");
    }

    private static ApiError userNotFound(long id) {
        return ApiError.notFound("User not found: " + id + ".");
    }

    /** Millisecond precision: what every backend stores and gives back unchanged. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void error(Context ctx, int status, String message) {
        HttpStatus s = HttpStatus.forStatus(status);
        ctx.status(status).json(new ErrorBody(status, s.getMessage(), message));
    }
}
