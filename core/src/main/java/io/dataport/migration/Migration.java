package io.dataport.migration;

import java.util.Objects;

/**
 * A migration written in Java, registered with {@code Database.Builder.migration(Migration)}. It runs in
 * version order with the SQL migrations found on the class path.
 *
 * <pre>{@code
 * Database db = Database.builder(url)
 *         .migration(Migration.of("3", "backfill owners", s -> s.execute("update item set owner = 'nobody'")))
 *         .open();
 * }</pre>
 *
 * <p>Immutable. A Java migration has no checksum unless one is given ({@link #withChecksum}): then changing it
 * after it was applied is refused like a changed SQL script.
 */
public final class Migration {
    private final String version;
    private final String description;
    private final String checksum;
    private final MigrationBody body;

    private Migration(String version, String description, String checksum, MigrationBody body) {
        this.version = version;
        this.description = description;
        this.checksum = checksum;
        this.body = body;
    }

    /**
     * A Java migration.
     *
     * @param version     digits, optionally dotted ({@code "3"}, {@code "1.2"}), compared numerically
     * @param description what it does, as the history shows it
     * @param body        the work
     * @return the migration
     */
    public static Migration of(String version, String description, MigrationBody body) {
        return new Migration(Objects.requireNonNull(version, "version").strip(),
                Objects.requireNonNull(description, "description"), null, Objects.requireNonNull(body, "body"));
    }

    /**
     * This migration with a checksum of its own, recorded in the history and compared on every later run.
     *
     * @param checksum any text that changes when the migration does, such as {@code "v1"}
     * @return a copy with the checksum
     */
    public Migration withChecksum(String checksum) {
        return new Migration(version, description, Objects.requireNonNull(checksum, "checksum"), body);
    }

    /**
     * The version, as given.
     *
     * @return the version
     */
    public String version() {
        return version;
    }

    /**
     * What it does.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * The checksum given with {@link #withChecksum}, or null.
     *
     * @return the checksum, or {@code null}
     */
    public String checksum() {
        return checksum;
    }

    /**
     * The work.
     *
     * @return the body
     */
    public MigrationBody body() {
        return body;
    }

    @Override
    public String toString() {
        return "Migration[V" + version + " (" + description + "), Java]";
    }
}
