package io.dataport.internal.session;

import io.dataport.internal.statement.ErrorTranslator;

import java.sql.Connection;
import java.sql.SQLException;

/** Sets a connection's isolation level for one transaction and puts the previous one back. */
final class Isolation {
    private Isolation() {
    }

    /** Sets {@code level}; returns the level to restore, or -1 when it was already set. */
    static int set(Connection connection, int level, ErrorTranslator errors) {
        try {
            int previous = connection.getTransactionIsolation();
            if (previous == level) {
                return -1;
            }
            connection.setTransactionIsolation(level);
            return previous;
        } catch (SQLException e) {
            throw errors.translate(e, null, null);
        }
    }

    /**
     * Raises the level to at least {@code level}; returns the level to restore, or -1 when it was already at
     * least that strict.
     */
    static int raise(Connection connection, int level, ErrorTranslator errors) {
        try {
            int previous = connection.getTransactionIsolation();
            if (previous >= level) {
                return -1;
            }
            connection.setTransactionIsolation(level);
            return previous;
        } catch (SQLException e) {
            throw errors.translate(e, null, null);
        }
    }

    /** Puts the level back; a broken connection is discarded by the pool, which resets it anyway. */
    static void restore(Connection connection, int previous) {
        if (previous < 0) {
            return;
        }
        try {
            if (!connection.isClosed()) {
                connection.setTransactionIsolation(previous);
            }
        } catch (SQLException e) {
            // The pool resets isolation when the connection comes back; nothing is lost here.
        }
    }
}
