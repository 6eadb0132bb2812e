package io.dataport.internal.session;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * {@code Database.dataSource()}: a {@link DataSource} for tools that want JDBC connections (Flyway, Liquibase,
 * frameworks). Each {@link #getConnection()} takes a read-write connection the way a Dataport transaction does
 * (SQLite: the one writer, under the same lock; PostgreSQL: from the pool) and gives it back when the caller
 * closes it: a left-open transaction is rolled back and auto-commit turned back on first. A connection is closed
 * on the thread that took it (SQLite's writer lock belongs to that thread).
 */
public final class ConnectionDataSource implements DataSource {
    private final TransactionRunner runner;
    private PrintWriter logWriter;

    /** The view over {@code runner}'s connections. */
    public ConnectionDataSource(TransactionRunner runner) {
        this.runner = runner;
    }

    @Override
    public Connection getConnection() throws SQLException {
        SessionState state = runner.lend();
        return (Connection) Proxy.newProxyInstance(ConnectionDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Lent(state));
    }

    /** Refused: the Database's user logs in. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("Database.dataSource() connects as the Database's own user. "
                + "Call getConnection() without a user and password.");
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // The Database's connectionTimeout applies.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("Dataport logs through SLF4J (io.dataport.sql).");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Database.dataSource() wraps no " + iface.getName() + ".");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "DataSource[" + runner + "]";
    }

    /** One lent connection: {@code close()} gives it back; any call after it fails. */
    private final class Lent implements InvocationHandler {
        private final SessionState state;
        private final Thread owner = Thread.currentThread();
        private boolean closed;

        Lent(SessionState state) {
            this.state = state;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close":
                    if (!closed) {
                        giveBack();
                    }
                    return null;
                case "isClosed":
                    return closed || state.connection().isClosed();
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "Connection[from Database.dataSource()" + (closed ? ", closed" : "") + "]";
                default:
                    if (closed) {
                        throw new SQLException("Connection is closed: it was given back with close(). Take another "
                                + "with getConnection().");
                    }
                    try {
                        return method.invoke(state.connection(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
            }
        }

        private void giveBack() throws SQLException {
            if (Thread.currentThread() != owner) {
                throw new SQLException("Connection from Database.dataSource() closed on thread '"
                        + Thread.currentThread().getName() + "', but it was taken on '" + owner.getName()
                        + "'. Close it on the thread that took it.");
            }
            closed = true;
            Connection c = state.connection();
            try {
                if (!c.isClosed() && !c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            } finally {
                runner.giveBack(state);
            }
        }
    }
}
