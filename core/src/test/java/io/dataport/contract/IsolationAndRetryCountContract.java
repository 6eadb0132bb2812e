package io.dataport.contract;

import io.dataport.TransactionIsolation;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code inTransaction(TransactionIsolation, ...)} and {@code retryCount()}, the same on every backend. */
public abstract class IsolationAndRetryCountContract extends ContractSupport {

    @Test
    void transactionRunsAtLeastAtTheAskedLevelAndTheConnectionGoesBackAsItWas() throws SQLException {
        createAccounts();
        for (TransactionIsolation level : TransactionIsolation.values()) {
            int inside = db.inTransaction(level, s -> {
                s.execute("insert into account(id, owner, balance) values (?, ?, 1)", level.ordinal(), level.name());
                return s.handle().getConnection().getTransactionIsolation();
            });
            assertThat(inside).as("level inside %s", level).isGreaterThanOrEqualTo(level.jdbcLevel());
        }
        int plain = db.inTransaction(s -> s.handle().getConnection().getTransactionIsolation());
        assertThat(plain).as("a plain transaction afterwards")
                .isEqualTo(target().backend().equals("postgres") ? Connection.TRANSACTION_READ_COMMITTED
                        : Connection.TRANSACTION_SERIALIZABLE);
        assertThat(count("account")).isEqualTo(TransactionIsolation.values().length);
    }

    @Test
    void isolatedTransactionRollsBackAndIsRetriedLikeAnyOther() {
        createAccounts();
        AtomicInteger attempts = new AtomicInteger();
        long before = db.retryCount();
        db.useTransaction(TransactionIsolation.SERIALIZABLE, s -> {
            s.execute("insert into account(id, owner, balance) values (?, ?, 1)", attempts.incrementAndGet(), "a");
            if (attempts.get() < 3) {
                throw new IllegalStateException(new SQLException("could not serialize access", "40001"));
            }
        });
        assertThat(attempts).hasValue(3);
        assertThat(db.retryCount() - before).as("retries counted").isEqualTo(2);
        assertThat(count("account")).isEqualTo(1);
        assertThatThrownBy(() -> db.useTransaction(TransactionIsolation.SERIALIZABLE, s -> {
            s.execute("insert into account(id, owner, balance) values (9, 'b', 1)");
            throw new IllegalArgumentException("not a conflict");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(db.retryCount() - before).as("other failures are not retried").isEqualTo(2);
        assertThat(count("account")).isEqualTo(1);
    }
}
