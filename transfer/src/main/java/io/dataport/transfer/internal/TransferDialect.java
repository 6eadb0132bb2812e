package io.dataport.transfer.internal;

import io.dataport.ConfigurationException;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a transfer needs to know about one backend, as the side it reads from or writes to: how its catalog is
 * read, how its DDL is spelled, and how rows are loaded fast. Everything else in a transfer is JDBC and standard
 * SQL. Implementations are stateless and thread-safe; {@link #forBackend} is the one place that picks one.
 *
 * <p>The code that uses a dialect asks for what it can do ({@link #addsKeysAfterLoad()}), never for its name.
 */
interface TransferDialect {

    /**
     * The dialect of a Dataport backend, by its {@link io.dataport.Database#backend() name}: the one place that
     * knows which backends a transfer supports.
     *
     * @throws ConfigurationException for a backend the transfer does not support
     */
    static TransferDialect forBackend(String backend) {
        // Listed here, not in a constant of this interface: the dialects' own initialisation would then run first.
        List<TransferDialect> supported = List.of(SqliteTransferDialect.INSTANCE, PostgresTransferDialect.INSTANCE,
                MysqlTransferDialect.INSTANCE);
        for (TransferDialect dialect : supported) {
            if (dialect.backend().equals(backend)) {
                return dialect;
            }
        }
        throw new ConfigurationException("Transfer does not support backend: " + backend + ". It supports "
                + supported.stream().map(TransferDialect::backend).collect(Collectors.joining(", "))
                + "; transfer between databases of those backends.");
    }

    /** The name of the backend this dialect is for, as {@link io.dataport.Database#backend()} gives it. */
    String backend();

    // Reading the source (and the target's catalog)

    /** Starts a consistent snapshot in the read-only transaction the source is read in. Default: it is one. */
    default void beginSnapshot(Connection c) throws SQLException {
    }

    /** The schema tables are read from and written to, or null when the database has none. */
    String schema(Connection c) throws SQLException;

    /**
     * The catalog the JDBC metadata calls are limited to, or null when the driver's catalogs need no limit.
     * Default: null (SQLite has one; PostgreSQL's driver only sees the connection's database).
     */
    default String catalog(Connection c) throws SQLException {
        return null;
    }

    /** Whether a table is the database's own (never copied). Default: none are. */
    default boolean isInternalTable(String name) {
        return false;
    }

    /** The columns of a table, in order; {@code primaryKey} are its key's columns, already read. */
    List<ColumnInfo> columns(Connection c, DatabaseMetaData meta, String schema, String table, List<String> primaryKey)
            throws SQLException;

    /** The name an index keeps on the other side; the default keeps the source's. */
    default String indexName(String table, String index, List<String> columns) {
        return index;
    }

    /** The key under which the database finds a table by name. Default: names match exactly. */
    default String lookupKey(String tableName) {
        return tableName;
    }

    /**
     * The canonical value of column {@code i} of the current row, as {@code codec} defines it. The default reads
     * the driver's object and converts it, which suits a database that may store any value in any column.
     */
    default Object read(ResultSet rs, int i, ValueCodec codec) throws SQLException, Rejected {
        Object v = rs.getObject(i);
        return v == null ? null : codec.convert(v);
    }

    /** What {@link #readRows} hands the rows it reads to. */
    interface RowHandler {
        /** One row of canonical values; the array is reused for the next row. */
        void row(Object[] values) throws SQLException;

        /** The exception that ends the read: column {@code column} of a row holds a value its codec rejects. */
        RuntimeException rejected(int column, Rejected reason);
    }

    /**
     * Reads every row of a table (in no particular order) as canonical values, column {@code i} as {@link #read}
     * gives it, and hands each to {@code handler}: how a loaded table is read back to verify it. The default runs
     * a {@code SELECT} through JDBC, {@code fetchSize} rows at a time.
     */
    default void readRows(Connection c, String qualifiedTable, List<String> quotedColumns, List<ValueCodec> codecs,
                          int fetchSize, RowHandler handler) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setFetchSize(fetchSize);
            try (ResultSet rs = st.executeQuery("SELECT " + String.join(", ", quotedColumns) + " FROM "
                    + qualifiedTable)) {
                Object[] row = new Object[quotedColumns.size()];
                while (rs.next()) {
                    for (int i = 0; i < row.length; i++) {
                        try {
                            row[i] = read(rs, i + 1, codecs.get(i));
                        } catch (Rejected r) {
                            throw handler.rejected(i, r);
                        }
                    }
                    handler.row(row);
                }
            }
        }
    }

    // Writing the target's schema

    /** The column type, e.g. {@code varchar(40)}; {@code identity} when the database generates the column. */
    String columnType(LogicalType type, boolean identity);

    /**
     * The type and clause of a generated key column, or null when the database generates no such column
     * ({@code soleKey}: the column is the whole primary key).
     */
    String identityColumn(LogicalType type, boolean soleKey);

    /**
     * Whether {@link #identityColumn} declares the column the primary key as well (SQLite's
     * {@code INTEGER PRIMARY KEY}, the rowid), so that neither the key nor NOT NULL is written again.
     */
    boolean identityIsPrimaryKey();

    /**
     * Whether primary keys and foreign keys are added to a loaded table with {@code ALTER TABLE} (an index built
     * once is faster than one kept up row by row, and foreign keys wait until every table is there) rather than
     * declared in {@code CREATE TABLE}.
     */
    boolean addsKeysAfterLoad();

    /** The longest identifier the database keeps; longer index and constraint names are cut. */
    int maxIdentifierLength();

    /** A boolean literal as a column default. */
    String booleanLiteral(boolean value);

    /** A portable default expression ({@link DefaultValue}) as the DEFAULT clause writes it. Default: as it is. */
    default String defaultExpression(String expression) {
        return expression;
    }

    /** The statement that drops a target table before it is loaded again. */
    default String dropTable(String qualifiedTable) {
        return "DROP TABLE " + qualifiedTable;
    }

    /**
     * The statement that makes a generated key continue after the highest value in the table, or none when the
     * database does so by itself. {@code column} is in target spelling, unquoted.
     */
    Optional<String> restartIdentity(String qualifiedTable, String column);

    /**
     * Whether DDL takes part in the transaction it runs in. Where it does not (MySQL commits before and after
     * every DDL statement), a table created for a copy that then fails is dropped again. Default: it does.
     */
    default boolean transactionalDdl() {
        return true;
    }

    // Loading rows

    /** Prepares the target transaction a table is loaded in. Default: nothing to do. */
    default void beginLoad(Connection c) throws SQLException {
    }

    /** Ends the target transaction's load, undoing what {@link #beginLoad} set. Default: nothing to do. */
    default void endLoad(Connection c) throws SQLException {
    }

    /**
     * Starts loading rows into a table in the transaction on {@code c}.
     *
     * @param qualifiedTable the table, quoted and schema-qualified
     * @param quotedColumns  the columns, quoted, in the order of every row's values
     * @param types          the columns' types, in the same order
     * @param newTable       whether the table was created in this transaction (with the types of {@code types})
     * @param batchSize      rows per batch, where the loader batches
     */
    RowSink openSink(Connection c, String qualifiedTable, List<String> quotedColumns, List<LogicalType> types,
                     boolean newTable, int batchSize) throws SQLException;
}
