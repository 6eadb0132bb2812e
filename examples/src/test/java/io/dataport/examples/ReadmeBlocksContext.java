package io.dataport.examples;

import io.dataport.Database;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;

/**
 * What the README's Java snippets use without declaring it, for {@link ReadmeBlocksTest}: a snippet that needs any
 * of these is compiled as the body of a method of a class that extends this one. They are fields, so a snippet's
 * own declaration of the same name (the quick start's {@code Database db}) shadows them. Nothing assigns them: such
 * snippets are compiled, never run. Add a field here only for a name the README uses as an application's own.
 */
abstract class ReadmeBlocksContext {
    /** The application's database: {@code db.schema()}, {@code db.repository(User.class)}, {@code db.dataSource()}. */
    Database db;
    /** A Dataport URL: {@code Database.builder(url)}. */
    String url;
    /** A password the application keeps out of the URL: {@code .password(secret)}. */
    String secret;
    /** The application's logger: {@code .statementListener(sql -> log.debug(sql))}. */
    Logger log;
    /** The application's Micrometer registry: {@code DataportMeters.bind(db, registry, ...)}. */
    MeterRegistry registry;
    /** A user the application has at hand (the examples' {@link User}): {@code repository(User.class).insert(ada)}. */
    User ada;
    /** Where a stream's rows go: {@code all.forEach(export::write)}. */
    Export export;

    /** A sink for rows of any entity (the README's snippets declare their own {@code User}). */
    interface Export {
        /**
         * Writes one row.
         *
         * @param row an entity
         */
        void write(Object row);
    }
}
