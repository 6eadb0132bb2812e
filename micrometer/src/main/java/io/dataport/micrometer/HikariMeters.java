package io.dataport.micrometer;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.dataport.Database;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * HikariCP's own Micrometer tracker on a running PostgreSQL pool. The only class that names HikariCP's types:
 * {@link DataportMeters} loads it only when HikariCP (an optional dependency) is on the class path.
 */
final class HikariMeters {
    private static final Logger LOG = LoggerFactory.getLogger("io.dataport.micrometer");
    /** Binds of this class, one at a time, so that two concurrent binds cannot both see "no tracker". */
    private static final Object LOCK = new Object();

    private HikariMeters() {
    }

    /**
     * Gives the database's HikariCP pool, if it has one, a tracker that registers HikariCP's meters in
     * {@code registry}. HikariCP (7.x, {@code HikariDataSource.setMetricsTrackerFactory}) accepts a tracker on a
     * running pool once: a second one throws {@code IllegalStateException("MetricsTrackerFactory can only be set
     * one time")} after replacing the configuration's factory anyway, and one next to a {@code metricRegistry}
     * throws too. So a pool that has either is left as it is.
     *
     * @return whether the tracker was set
     */
    static boolean bind(Database db, MeterRegistry registry) {
        Optional<HikariDataSource> found = db.unwrap(HikariDataSource.class);
        if (found.isEmpty()) {
            return false;
        }
        HikariDataSource pool = found.get();
        synchronized (LOCK) {
            if (pool.getMetricsTrackerFactory() != null || pool.getMetricRegistry() != null) {
                LOG.info("HikariCP pool {} of {} reports to a metrics tracker already: its hikaricp.* meters are not "
                        + "added to this registry (HikariCP takes one tracker per pool). Dataport's own meters are.",
                        pool.getPoolName(), db);
                return false;
            }
            pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
            return true;
        }
    }
}
