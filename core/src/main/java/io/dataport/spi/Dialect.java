package io.dataport.spi;

/**
 * How a backend spells the SQL that core writes itself. Every method but {@link #name()} has a default that
 * suits both SQLite and PostgreSQL, so a backend overrides only where it differs.
 */
public interface Dialect {

    /** The dialect's name, e.g. {@code "sqlite"}. */
    String name();

    /** Quotes an identifier that has already been checked to be a plain name. */
    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
