package io.dataport.postgres;

import io.dataport.DatabaseConfig;
import io.dataport.spi.Backend;
import io.dataport.spi.Connector;
import org.postgresql.PGProperty;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The PostgreSQL backend: accepts the libpq URI form {@code postgresql://user:password@host:5432/db?sslmode=...}
 * (what psql, SQLAlchemy and hosting providers hand out), {@code postgres://...} and
 * {@code jdbc:postgresql://...}. Pools with HikariCP. Found by {@link java.util.ServiceLoader}.
 */
public final class PostgresBackend implements Backend {
    private static final Set<String> NAMES = names();

    private static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (PGProperty property : PGProperty.values()) {
            names.add(property.getName());
        }
        names.addAll(PostgresUrl.libpqNames());
        return Set.copyOf(names);
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String displayName() {
        return "PostgreSQL";
    }

    /** Every pgjdbc connection property, and the libpq names Dataport translates to them. */
    @Override
    public Set<String> parameterNames() {
        return NAMES;
    }

    @Override
    public List<String> urlPrefixes() {
        return List.of("postgresql:", "postgres:", "jdbc:postgresql:");
    }

    @Override
    public String artifact() {
        return "io.dataport:dataport-postgres";
    }

    @Override
    public Connector connect(DatabaseConfig config) {
        return new PostgresConnector(PostgresUrl.parse(config), config);
    }
}
