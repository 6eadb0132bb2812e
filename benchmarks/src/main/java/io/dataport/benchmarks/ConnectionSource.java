package io.dataport.benchmarks;

import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Jdbi;

import java.sql.Connection;
import java.sql.SQLException;

/** Where the JDBC and plain-Jdbi variants get their connections: a HikariCP pool or {@link SqlitePool}. */
interface ConnectionSource extends AutoCloseable {

    Connection take() throws SQLException;

    void give(Connection connection) throws SQLException;

    /** Plain Jdbi on this source: each handle borrows a connection and gives it back when it closes. */
    default Jdbi jdbi() {
        ConnectionSource source = this;
        return Jdbi.create(new ConnectionFactory() {
            @Override
            public Connection openConnection() throws SQLException {
                return source.take();
            }

            @Override
            public void closeConnection(Connection connection) throws SQLException {
                source.give(connection);
            }
        });
    }

    @Override
    void close();
}
