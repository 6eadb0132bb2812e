package io.dataport.transfer.internal;

import io.dataport.mysql.MysqlBackend;
import io.dataport.transfer.internal.LogicalType.Kind;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MySQL and MariaDB as a transfer sees them: the tables of the connection's database (a JDBC catalog to
 * MariaDB Connector/J), columns read from {@code information_schema.columns}, whose {@code COLUMN_TYPE} keeps
 * the declared length, precision and {@code tinyint(1)} of booleans; typed values; primary and foreign keys
 * declared in {@code CREATE TABLE} (InnoDB stores rows in primary-key order, so adding the key after the load
 * would rebuild the table), loaded with foreign-key checks off and verified by the checksum instead; rows
 * loaded with batched inserts ({@link InsertSink}). Dataport's sessions run in {@code ANSI_QUOTES} mode at
 * UTC, so the transfer's double-quoted SQL works as written and {@code DATETIME} holds UTC.
 */
final class MysqlTransferDialect implements TransferDialect {
    static final MysqlTransferDialect INSTANCE = new MysqlTransferDialect();

    private static final String BACKEND = new MysqlBackend().name();
    private static final int MAX_NAME = 64;
    /** Text in code-point order without padding, as the mysql backend declares it (and SQLite compares). */
    private static final String TEXT = " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin";
    /**
     * The longest {@code VARCHAR} written as such: 768 characters of {@code utf8mb4} are InnoDB's 3,072-byte
     * index key limit, and rows stay under the 65,535-byte limit with many such columns. Longer is
     * {@code LONGTEXT}.
     */
    private static final int MAX_VARCHAR = 768;
    private static final Pattern CURRENT = Pattern.compile("(?i)(current_timestamp|now|current_date|curdate"
            + "|current_time|curtime)(\\(\\d*\\))?");

    private MysqlTransferDialect() {
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    /** MySQL's databases are JDBC catalogs: tables are named unqualified, in the connection's database. */
    @Override
    public String schema(Connection c) {
        return null;
    }

    /** The connection's database: Connector/J's metadata would otherwise list the tables of every database. */
    @Override
    public String catalog(Connection c) throws SQLException {
        return c.getCatalog();
    }

    @Override
    public List<ColumnInfo> columns(Connection c, DatabaseMetaData meta, String schema, String table,
                                    List<String> primaryKey) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, column_type, data_type,"
                + " character_maximum_length, numeric_precision, numeric_scale, is_nullable, column_default, extra"
                + " FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?"
                + " ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String columnType = rs.getString(2);
                    LogicalType type = logicalType(rs.getString(3), columnType, rs.getLong(4), rs.getInt(5),
                            rs.getInt(6));
                    boolean identity = rs.getString(9) != null
                            && rs.getString(9).toLowerCase(Locale.ROOT).contains("auto_increment");
                    columns.add(new ColumnInfo(rs.getString(1), columnType, type, "YES".equals(rs.getString(7)),
                            identity ? null : DefaultValue.parse(portableDefault(rs.getString(8))),
                            identity && type.kind().isInteger()));
                }
            }
        }
        return columns;
    }

    /**
     * MariaDB's {@code column_default} is an expression: {@code NULL} for none, quoted literals, and functions
     * with their parentheses ({@code current_timestamp()}), which {@link DefaultValue} reads without.
     */
    private static String portableDefault(String expression) {
        if (expression == null || expression.equalsIgnoreCase("NULL")) {
            return null;
        }
        String e = expression.trim();
        if (CURRENT.matcher(e).matches()) {
            String f = e.replaceAll("\\(.*$", "").toUpperCase(Locale.ROOT);
            return f.equals("NOW") || f.equals("CURRENT_TIMESTAMP") ? "CURRENT_TIMESTAMP"
                    : f.equals("CURDATE") || f.equals("CURRENT_DATE") ? "CURRENT_DATE" : "CURRENT_TIME";
        }
        return e;
    }

    /**
     * What a MySQL column means, from {@code information_schema.columns}: {@code dataType} ({@code int},
     * {@code varchar}), {@code columnType} ({@code tinyint(1)}, {@code int(10) unsigned}), the character length and
     * the numeric precision and scale.
     */
    static LogicalType logicalType(String dataType, String columnType, long length, int precision, int scale) {
        String t = dataType.toLowerCase(Locale.ROOT);
        boolean unsigned = columnType != null && columnType.toLowerCase(Locale.ROOT).contains("unsigned");
        switch (t) {
            case "tinyint":
                return columnType != null && columnType.toLowerCase(Locale.ROOT).startsWith("tinyint(1)")
                        ? LogicalType.of(Kind.BOOLEAN) : LogicalType.of(Kind.SMALLINT);
            case "bool":
            case "boolean":
                return LogicalType.of(Kind.BOOLEAN);
            case "smallint":
                return LogicalType.of(unsigned ? Kind.INTEGER : Kind.SMALLINT);
            case "mediumint":
                return LogicalType.of(Kind.INTEGER);
            case "int":
            case "integer":
                return LogicalType.of(unsigned ? Kind.BIGINT : Kind.INTEGER);
            case "bigint":
                return unsigned ? LogicalType.decimal(20, 0) : LogicalType.of(Kind.BIGINT);
            case "decimal":
            case "numeric":
                return precision > 0 ? LogicalType.decimal(precision, Math.max(scale, 0)) : LogicalType.decimal(0, 0);
            case "float":
            case "double":
            case "real":
                return LogicalType.of(Kind.DOUBLE);
            case "char":
                return length > 0 && length <= 255 ? LogicalType.sized(Kind.CHAR, (int) length) : LogicalType.of(Kind.TEXT);
            case "varchar":
                return length > 0 && length <= 65_535 ? LogicalType.sized(Kind.VARCHAR, (int) length)
                        : LogicalType.of(Kind.TEXT);
            case "date":
                return LogicalType.of(Kind.DATE);
            case "time":
                return LogicalType.of(Kind.TIME);
            case "datetime":
                return LogicalType.of(Kind.TIMESTAMP);
            case "timestamp":
                // An instant, shown in the session's time zone: UTC in Dataport's sessions.
                return LogicalType.of(Kind.TIMESTAMPTZ);
            case "binary":
            case "varbinary":
            case "tinyblob":
            case "blob":
            case "mediumblob":
            case "longblob":
                return LogicalType.of(Kind.BLOB);
            case "uuid":
                return LogicalType.of(Kind.UUID);
            case "json":
                return LogicalType.of(Kind.JSON);
            default:
                return LogicalType.of(Kind.TEXT);
        }
    }

    /**
     * Columns hold values of their type: temporals are read as {@code java.time} values ({@code DATETIME} is UTC
     * in Dataport's sessions, so a timestamp with offset is its UTC local time), blobs as bytes.
     */
    @Override
    public Object read(ResultSet rs, int i, ValueCodec codec) throws SQLException, Rejected {
        switch (codec.kind()) {
            case DATE:
                return rs.getObject(i, LocalDate.class);
            case TIME:
                return rs.getObject(i, LocalTime.class);
            case TIMESTAMP:
                return rs.getObject(i, LocalDateTime.class);
            case TIMESTAMPTZ:
                LocalDateTime utc = rs.getObject(i, LocalDateTime.class);
                return utc == null ? null : utc.atOffset(ZoneOffset.UTC);
            case BLOB:
                return rs.getBytes(i);
            default:
                return TransferDialect.super.read(rs, i, codec);
        }
    }

    @Override
    public String columnType(LogicalType type, boolean identity) {
        switch (type.kind()) {
            case SMALLINT:
                return "SMALLINT";
            case INTEGER:
                return "INT";
            case BIGINT:
                return "BIGINT";
            case DECIMAL:
                // MySQL's DECIMAL holds 65 digits, and one without a precision is DECIMAL(10,0): such numbers are
                // kept as their text, as the mysql backend keeps undeclared BigDecimals.
                return type.precision() > 0 && type.precision() <= 65
                        ? "DECIMAL(" + type.precision() + "," + type.scale() + ")"
                        : "VARCHAR(1000) CHARACTER SET ascii COLLATE ascii_bin";
            case DOUBLE:
                return "DOUBLE";
            case BOOLEAN:
                return "BOOLEAN";
            case CHAR:
            case VARCHAR:
                // CHAR would drop trailing spaces when read; VARCHAR keeps the value as it is.
                return type.length() <= MAX_VARCHAR ? "VARCHAR(" + type.length() + ")" + TEXT : "LONGTEXT" + TEXT;
            case DATE:
                return "DATE";
            case TIME:
                return "TIME(6)";
            case TIMESTAMP:
            case TIMESTAMPTZ:
                return "DATETIME(6)";
            case BLOB:
                return "LONGBLOB";
            case UUID:
                return "CHAR(36) CHARACTER SET ascii COLLATE ascii_bin";
            case JSON:
                return "JSON";
            case TEXT:
            default:
                return "LONGTEXT" + TEXT;
        }
    }

    /** {@code AUTO_INCREMENT} must lead a key: only a column that is the whole primary key is generated. */
    @Override
    public String identityColumn(LogicalType type, boolean soleKey) {
        return soleKey ? columnType(type, true) + " AUTO_INCREMENT" : null;
    }

    @Override
    public boolean identityIsPrimaryKey() {
        return false;
    }

    @Override
    public boolean addsKeysAfterLoad() {
        return false;
    }

    @Override
    public int maxIdentifierLength() {
        return MAX_NAME;
    }

    @Override
    public String booleanLiteral(boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    /** Columns are {@code DATETIME(6)}, whose default must have the same precision; dates take an expression. */
    @Override
    public String defaultExpression(String expression) {
        switch (expression) {
            case "CURRENT_TIMESTAMP":
                return "CURRENT_TIMESTAMP(6)";
            case "CURRENT_DATE":
            case "CURRENT_TIME":
                return "(" + expression + ")";
            default:
                return expression;
        }
    }

    /**
     * InnoDB moves a table's {@code AUTO_INCREMENT} past every id inserted explicitly, at once and for good (the
     * counter is persistent since MariaDB 10.2), so the copied ids need nothing more; an {@code ALTER TABLE}
     * would also commit the table's transaction before it is verified.
     */
    @Override
    public Optional<String> restartIdentity(String qualifiedTable, String column) {
        return Optional.empty();
    }

    /** Every DDL statement commits. */
    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /**
     * Foreign keys are declared in CREATE TABLE and tables may reference each other (or a table itself, rows in
     * any order): the session loads without foreign-key checks, which are session-wide and not deferrable. The
     * checksum verifies that the rows are the source's.
     */
    @Override
    public void beginLoad(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION foreign_key_checks = 0");
        }
    }

    /** Foreign-key checks on again: the setting stays with the pooled connection. */
    @Override
    public void endLoad(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION foreign_key_checks = 1");
        }
    }

    @Override
    public RowSink openSink(Connection c, String qualifiedTable, List<String> quotedColumns,
                            List<LogicalType> types, boolean newTable, int batchSize) throws SQLException {
        return new InsertSink(c, qualifiedTable, quotedColumns, batchSize, MysqlTransferDialect::text);
    }

    /** A timestamp with offset as the UTC {@code DATETIME} text it is stored as; other values canonical. */
    private static String text(Object v) {
        return ValueCodec.canonical(v instanceof OffsetDateTime
                ? ((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime() : v);
    }
}
