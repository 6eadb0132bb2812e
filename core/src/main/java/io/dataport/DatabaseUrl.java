package io.dataport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A database URL parsed once into its parts: the value every backend receives, never the string again.
 * Immutable and thread-safe; {@link #toString()} shows it with the password hidden.
 *
 * <pre>{@code
 * DatabaseUrl url = DatabaseUrl.parse("postgresql://app:s%40cret@db:5432/shop?sslmode=require");
 * url.scheme();      // "postgresql"
 * url.password();    // "s@cret"
 * url.toString();    // "postgresql://app:***@db:5432/shop?sslmode=require"
 * }</pre>
 *
 * <p>Two shapes are read: {@code scheme://[user[:password]@]host[:port][,host[:port]...][/database][?name=value&...]}
 * (PostgreSQL's libpq form, also behind {@code jdbc:}), and {@code scheme:path[?name=value&...]} (SQLite's
 * {@code sqlite:app.db}, {@code sqlite::memory:}). User, password, database and parameters are percent-decoded
 * ({@code +} stays a plus); a path is taken as written. A password may hold any character, raw or
 * percent-encoded: the user information ends at the last {@code @} that is followed by a host.
 */
public final class DatabaseUrl {
    private static final Pattern HOST_LIST = Pattern.compile("[A-Za-z0-9._:\\[\\],%-]*");
    private static final Pattern PARAMETER_START = Pattern.compile("[?&][A-Za-z_][A-Za-z0-9_.-]*=");

    private final String scheme;
    private final boolean hierarchical;
    private final String user;
    private final String password;
    private final List<String> hosts;
    private final String database;
    private final Map<String, String> parameters;

    private DatabaseUrl(String scheme, boolean hierarchical, String user, String password, List<String> hosts,
                        String database, Map<String, String> parameters) {
        this.scheme = scheme;
        this.hierarchical = hierarchical;
        this.user = user;
        this.password = password;
        this.hosts = hosts;
        this.database = database;
        this.parameters = parameters;
    }

    /**
     * Parses a URL.
     *
     * @param url the database URL, as for {@link Database#open(String)}
     * @return the parsed URL
     * @throws ConfigurationException for a null, empty or malformed URL; the message shows it masked
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new ConfigurationException("Database URL is " + (url == null ? "null" : "empty")
                    + ". Pass one such as 'sqlite:app.db' or 'postgresql://user:password@localhost:5432/app'.");
        }
        String text = url.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        int colon = lower.startsWith("jdbc:") ? text.indexOf(':', 5) : text.indexOf(':');
        if (colon <= 0 || colon == (lower.startsWith("jdbc:") ? 5 : 0)) {
            throw malformed(text, "it has no scheme such as sqlite: or postgresql://");
        }
        String scheme = lower.substring(0, colon);
        String rest = text.substring(colon + 1);
        if (!rest.startsWith("//")) {
            int q = rest.indexOf('?');
            String path = q < 0 ? rest : rest.substring(0, q);
            Map<String, String> parameters = q < 0 ? Map.of() : parameters(rest.substring(q + 1), text);
            return new DatabaseUrl(scheme, false, null, null, List.of(), path, parameters);
        }
        String r = rest.substring(2);
        int at = userInfoEnd(r);
        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = r.substring(0, at);
            int c = userInfo.indexOf(':');
            user = decodeLenient(c < 0 ? userInfo : userInfo.substring(0, c));
            password = c < 0 ? null : decodeLenient(userInfo.substring(c + 1));
            r = r.substring(at + 1);
        }
        int hostEnd = indexOfAny(r, "/?");
        String hostList = hostEnd < 0 ? r : r.substring(0, hostEnd);
        String afterHosts = hostEnd < 0 ? "" : r.substring(hostEnd);
        List<String> hosts = new ArrayList<>();
        if (!hostList.isEmpty()) {
            for (String host : hostList.split(",", -1)) {
                hosts.add(checkHost(host, text));
            }
        }
        String database = null;
        Map<String, String> parameters = Map.of();
        int q = afterHosts.indexOf('?');
        String path = q < 0 ? afterHosts : afterHosts.substring(0, q);
        if (path.startsWith("/")) {
            database = decodeStrict(path.substring(1), text);
            if (database.contains("/")) {
                throw malformed(text, "the database name '" + database + "' contains '/'");
            }
        }
        if (q >= 0) {
            parameters = parameters(afterHosts.substring(q + 1), text);
        }
        return new DatabaseUrl(scheme, true, user, password, Collections.unmodifiableList(hosts), database,
                parameters);
    }

    /**
     * The URL with any password, in the user information or in a parameter {@linkplain #isSecret named as a
     * secret}, replaced by {@code ***}; for text that does not parse, the same rule is applied as far as it
     * goes. Safe for messages and logs.
     *
     * @param url the URL text, which need not parse; may be null
     * @return the masked URL, or {@code null} for a null {@code url}
     */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String text = url.strip();
        int slashes = text.indexOf("://");
        if (slashes < 0) {
            return maskParameters(text);
        }
        String head = text.substring(0, slashes + 3);
        String r = text.substring(slashes + 3);
        int at = userInfoEnd(r);
        if (at >= 0) {
            String userInfo = r.substring(0, at);
            int c = userInfo.indexOf(':');
            head += (c < 0 ? userInfo : userInfo.substring(0, c) + ":***") + "@";
            r = r.substring(at + 1);
        }
        String tail = r;
        return head + maskParameters(tail);
    }

    /**
     * The scheme, lower case, with {@code jdbc:} kept: {@code "postgresql"}, {@code "jdbc:sqlite"}.
     *
     * @return the scheme
     */
    public String scheme() {
        return scheme;
    }

    /**
     * Whether the URL has the {@code scheme://host} shape, as opposed to {@code scheme:path}.
     *
     * @return true for the {@code scheme://host} shape
     */
    public boolean hasHosts() {
        return hierarchical;
    }

    /**
     * The user, decoded, or null when the URL names none.
     *
     * @return the user, or {@code null}
     */
    public String user() {
        return user;
    }

    /**
     * The password, decoded, or null when the URL holds none. Never log it.
     *
     * @return the password, or {@code null}
     */
    public String password() {
        return password;
    }

    /**
     * The hosts as written, each {@code host}, {@code host:port} or {@code [v6address]:port}; empty for a path URL.
     *
     * @return the hosts, in the order written
     */
    public List<String> hosts() {
        return hosts;
    }

    /**
     * The database name, decoded (null when the URL has none), or, for a {@code scheme:path} URL, the path as
     * written ({@code app.db}, {@code :memory:}).
     *
     * @return the database name or path, or {@code null}
     */
    public String database() {
        return database;
    }

    /**
     * The query parameters, decoded, in the order written.
     *
     * @return the parameters, by name
     */
    public Map<String, String> parameters() {
        return parameters;
    }

    /**
     * The URL with the password hidden: safe for messages and logs.
     *
     * @return the URL, masked
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(scheme).append(':');
        if (hierarchical) {
            out.append("//");
            if (user != null) {
                out.append(user).append(password == null ? "" : ":***").append('@');
            }
            out.append(String.join(",", hosts));
            if (database != null) {
                out.append('/').append(database);
            }
        } else {
            out.append(database);
        }
        if (!parameters.isEmpty()) {
            StringJoiner query = new StringJoiner("&", "?", "");
            parameters.forEach((k, v) -> query.add(k + "=" + (isSecret(k) ? "***" : v)));
            out.append(query);
        }
        return out.toString();
    }

    /**
     * Whether a parameter holds a secret (a password) that messages and logs must not show.
     *
     * @param name the parameter's name
     * @return true when its name contains {@code password}, in any case
     */
    public static boolean isSecret(String name) {
        return name.toLowerCase(Locale.ROOT).contains("password");
    }

    /**
     * Where the user information of {@code r} (the URL after {@code //}) ends: the last {@code @} followed by a
     * host list and before which no query parameter starts, or -1 when there is none.
     */
    private static int userInfoEnd(String r) {
        for (int at = r.lastIndexOf('@'); at >= 0; at = at == 0 ? -1 : r.lastIndexOf('@', at - 1)) {
            String after = r.substring(at + 1);
            int end = indexOfAny(after, "/?");
            String hostList = end < 0 ? after : after.substring(0, end);
            if (HOST_LIST.matcher(hostList).matches() && !PARAMETER_START.matcher(r.substring(0, at)).find()) {
                return at;
            }
        }
        return -1;
    }

    private static String maskParameters(String text) {
        int q = text.indexOf('?');
        if (q < 0) {
            return text;
        }
        StringJoiner query = new StringJoiner("&", text.substring(0, q + 1), "");
        for (String pair : text.substring(q + 1).split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            query.add(eq >= 0 && isSecret(name) ? name + "=***" : pair);
        }
        return query.toString();
    }

    private static Map<String, String> parameters(String query, String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw malformed(text, "parameter '" + pair + "' has no value (write name=value)");
            }
            parameters.put(decodeStrict(pair.substring(0, eq), text), decodeStrict(pair.substring(eq + 1), text));
        }
        return Collections.unmodifiableMap(parameters);
    }

    private static String checkHost(String host, String text) {
        String port = null;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0) {
                throw malformed(text, "the IPv6 address '" + host + "' lacks its closing ']'");
            }
            if (host.length() > end + 1) {
                if (host.charAt(end + 1) != ':') {
                    throw malformed(text, "unexpected text after the IPv6 address in '" + host + "'");
                }
                port = host.substring(end + 2);
            }
        } else {
            int colon = host.indexOf(':');
            if (colon == 0 || host.isEmpty()) {
                throw malformed(text, "host is missing" + (host.isEmpty() ? "" : " before ':' in '" + host + "'"));
            }
            if (colon > 0) {
                port = host.substring(colon + 1);
            }
        }
        if (port != null) {
            int value;
            try {
                value = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw malformed(text, "port '" + port + "' is not a number");
            }
            if (value < 1 || value > 65535) {
                throw malformed(text, "port " + value + " is outside 1-65535");
            }
        }
        return host;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Percent-decodes; a {@code %} not followed by two hex digits is an error. */
    private static String decodeStrict(String s, String text) {
        String decoded = decode(s, true);
        if (decoded == null) {
            throw malformed(text, "it has a broken %-escape in '" + (s.length() > 40 ? s.substring(0, 40) : s)
                    + "'; write % as %25");
        }
        return decoded;
    }

    /** Percent-decodes; a {@code %} not followed by two hex digits stays as written (raw passwords). */
    private static String decodeLenient(String s) {
        return decode(s, false);
    }

    private static String decode(String s, boolean strict) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                while (i + 2 < s.length() && s.charAt(i) == '%' && hex(s.charAt(i + 1)) >= 0
                        && hex(s.charAt(i + 2)) >= 0) {
                    bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                    i += 3;
                }
                out.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            } else {
                if (c == '%' && strict) {
                    return null;
                }
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static ConfigurationException malformed(String text, String problem) {
        return new ConfigurationException("Malformed database URL '" + mask(text) + "': " + problem
                + ". Write it as postgresql://user:password@host:5432/database?name=value or sqlite:path/app.db"
                + " (percent-encode special characters in parameters).");
    }
}
