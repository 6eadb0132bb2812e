package io.dataport.postgres.reliability;

import java.time.Duration;
import java.util.UUID;

/**
 * The clusters of a replication test class: a private primary ({@link PrivateCluster}) with the database
 * {@code shop} of the role {@code app}, and a streaming standby of it that has caught up. {@link #close()}
 * stops the standby, then the primary, and deletes both.
 *
 * <pre>{@code try (Replication r = Replication.start()) { Database.builder(r.url()).replica(r.standbyAddress()).open(); }}</pre>
 */
final class Replication implements AutoCloseable {
    /** The longest any one step (a start, a catch-up, a promotion) may take. */
    static final Duration STEP = Duration.ofSeconds(60);

    final String password;
    final PrivateCluster primary;
    final PrivateCluster standby;

    private Replication(String password, PrivateCluster primary, PrivateCluster standby) {
        this.password = password;
        this.primary = primary;
        this.standby = standby;
    }

    /** Starts both; skips (or, under CI, fails) the calling test where no cluster can start. */
    static Replication start() throws Exception {
        String password = "App-" + UUID.randomUUID();
        PrivateCluster primary = PrivateCluster.start();
        try {
            primary.sql("create role app login password '" + password + "'", "create database shop owner app");
            PrivateCluster standby = primary.startStandby();
            standby.awaitCaughtUp(primary, STEP);
            return new Replication(password, primary, standby);
        } catch (Exception | AssertionError e) {
            primary.close();
            throw e;
        }
    }

    /** The application's URL on the primary. */
    String url() {
        return primary.url("app:" + password, "shop");
    }

    /** The standby as a replica setting takes it: {@code host:port}. */
    String standbyAddress() {
        return standby.host() + ":" + standby.port();
    }

    @Override
    public void close() {
        standby.close();
        primary.close();
    }
}
