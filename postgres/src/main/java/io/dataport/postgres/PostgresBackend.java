package io.dataport.postgres;

import io.dataport.DatabaseConfig;
import io.dataport.spi.Backend;
import io.dataport.spi.Connector;

import java.util.List;

/**
 * The PostgreSQL backend: accepts the libpq URI form {@code postgresql://user:password@host:5432/db?sslmode=...}
 * (what psql, SQLAlchemy and hosting providers hand out), {@code postgres://...} and
 * {@code jdbc:postgresql://...}. Pools with HikariCP. Found by {@link java.util.ServiceLoader}.
 */
public final class PostgresBackend implements Backend {
    @Override
    public String name() {
        return "postgres";
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
