package io.dataport.transfer.internal;

import io.dataport.transfer.internal.LogicalType.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented type mapping, without a database. */
class TypeMappingTest {
    private static final TransferDialect SQLITE = SqliteTransferDialect.INSTANCE;
    private static final TransferDialect POSTGRES = PostgresTransferDialect.INSTANCE;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "INTEGER        | bigint           | INTEGER",
            "int            | bigint           | INTEGER",
            "BIGINT         | bigint           | INTEGER",
            "SMALLINT       | smallint         | SMALLINT",
            "NVARCHAR(40)   | varchar(40)      | VARCHAR(40)",
            "VARCHAR( 80 )  | varchar(80)      | VARCHAR(80)",
            "CHAR(2)        | varchar(2)       | VARCHAR(2)",
            "TEXT           | text             | TEXT",
            "CLOB           | text             | TEXT",
            "''             | text             | TEXT",
            "NUMERIC(10,2)  | numeric(10,2)    | NUMERIC(10,2)",
            "DECIMAL(5)     | numeric(5,0)     | NUMERIC(5,0)",
            "NUMERIC        | numeric          | NUMERIC",
            "REAL           | double precision | DOUBLE_BLOB",
            "DOUBLE PRECISION | double precision | DOUBLE_BLOB",
            "DOUBLE_BLOB    | double precision | DOUBLE_BLOB",
            "BOOLEAN        | boolean          | BOOLEAN",
            "DATETIME       | timestamp        | DATETIME",
            "TIMESTAMP      | timestamp        | DATETIME",
            "DATE           | date             | DATE",
            "BLOB           | bytea            | BLOB",
            "UUID           | uuid             | UUID"})
    void mapsSqliteDeclaredTypes(String declared, String postgres, String sqlite) {
        LogicalType type = SqliteTransferDialect.logicalType(declared);
        assertThat(POSTGRES.columnType(type, false)).isEqualTo(postgres);
        assertThat(SQLITE.columnType(type, false)).isEqualTo(sqlite);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "int4      | 10         | 0 | integer",
            "int8      | 19         | 0 | bigint",
            "varchar   | 40         | 0 | varchar(40)",
            "varchar   | 2147483647 | 0 | text",
            "bpchar    | 3          | 0 | char(3)",
            "numeric   | 10         | 2 | numeric(10,2)",
            "numeric   | 131089     | 0 | numeric",
            "float4    | 8          | 8 | double precision",
            "timestamptz | 35       | 6 | timestamptz",
            "jsonb     | 0          | 0 | json",
            "inet      | 0          | 0 | text"})
    void mapsPostgresTypes(String name, int size, int digits, String postgres) {
        assertThat(POSTGRES.columnType(PostgresTransferDialect.logicalType(name, size, digits), false))
                .isEqualTo(postgres);
    }

    @Test
    void anIdentityIsAnIntegerPrimaryKeyOnSqlite() {
        assertThat(SQLITE.columnType(LogicalType.of(Kind.BIGINT), true)).isEqualTo("INTEGER");
    }

    @Test
    void defaultsAreKeptOnlyWhenPortable() {
        assertThat(DefaultValue.parse("0").render(Kind.BOOLEAN, POSTGRES)).isEqualTo("false");
        assertThat(DefaultValue.parse("true").render(Kind.BOOLEAN, SQLITE)).isEqualTo("1");
        assertThat(DefaultValue.parse("'abc'::character varying").render(Kind.VARCHAR, SQLITE)).isEqualTo("'abc'");
        assertThat(DefaultValue.parse("now()").render(Kind.TIMESTAMP, SQLITE)).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(DefaultValue.parse("(42)").render(Kind.BIGINT, POSTGRES)).isEqualTo("42");
        assertThat(DefaultValue.parse("nextval('t_id_seq'::regclass)")).isNull();
        assertThat(DefaultValue.parse("random()")).isNull();
    }
}
