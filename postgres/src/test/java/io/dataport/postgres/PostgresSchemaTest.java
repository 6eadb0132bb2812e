package io.dataport.postgres;

import io.dataport.SchemaMismatchException;
import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.SchemaContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresSchemaTest extends SchemaContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }

    /** PostgreSQL enforces declared sizes (SQLite does not): a column that would cut, round or overflow is reported. */
    @Test
    void validateReportsColumnsTooNarrowForTheDeclaredSizes() {
        createSizedTable("varchar(20)", "numeric(12,1)", "numeric(11,2)", "varchar(10)");
        assertThatThrownBy(() -> db.schema().validate(Sized.class))
                .isInstanceOfSatisfying(SchemaMismatchException.class, e -> assertThat(e.differences()).satisfiesExactly(
                        d -> assertThat(d).startsWith("Table \"sized\" column \"code\" (Sized.code) is "
                                + "character varying(20), which cannot hold every String the property allows "
                                + "(@Column(length = 40)). Change the column to VARCHAR(40)"),
                        d -> assertThat(d).startsWith("Table \"sized\" column \"price\" (Sized.price) is numeric(12,1)")
                                .contains("(@Column(precision = 12, scale = 2)). Change the column to NUMERIC(12,2)"),
                        d -> assertThat(d).startsWith("Table \"sized\" column \"total\" (Sized.total) is numeric(11,2)")));
    }
}
