package io.dataport.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link io.dataport.Database#migrate()} did: the versions it applied now, those applied before, and
 * the database's version afterwards.
 *
 * <pre>{@code MigrationReport report = db.migrate();   // "Migrated to V2: applied V2; already applied V1"}</pre>
 *
 * @param applied        the versions applied by this run, in order
 * @param alreadyApplied the versions applied before this run, in order
 * @param currentVersion the highest applied version now, or null when none is
 */
public record MigrationReport(List<String> applied, List<String> alreadyApplied, String currentVersion) {

    /**
     * The report, with copies of the lists.
     *
     * @param applied        the versions applied by this run, in order
     * @param alreadyApplied the versions applied before this run, in order
     * @param currentVersion the highest applied version now, or null when none is
     */
    public MigrationReport {
        applied = List.copyOf(Objects.requireNonNull(applied, "applied"));
        alreadyApplied = List.copyOf(Objects.requireNonNull(alreadyApplied, "alreadyApplied"));
    }

    /**
     * The highest applied version now.
     *
     * @return the version, or empty when no migration is applied
     */
    public Optional<String> current() {
        return Optional.ofNullable(currentVersion);
    }

    @Override
    public String toString() {
        if (currentVersion == null) {
            return "No migration applied: none found";
        }
        return (applied.isEmpty() ? "Up to date at V" : "Migrated to V") + currentVersion + ": applied "
                + (applied.isEmpty() ? "none" : versions(applied)) + "; already applied "
                + (alreadyApplied.isEmpty() ? "none" : versions(alreadyApplied));
    }

    private static String versions(List<String> versions) {
        StringBuilder b = new StringBuilder();
        for (String v : versions) {
            b.append(b.length() == 0 ? "V" : ", V").append(v);
        }
        return b.toString();
    }
}
