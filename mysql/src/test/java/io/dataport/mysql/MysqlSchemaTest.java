package io.dataport.mysql;

import io.dataport.SchemaMismatchException;
import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.SchemaContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MysqlSchemaTest extends SchemaContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }

    /** MySQL enforces declared sizes (SQLite does not): a column that would cut, round or overflow is reported. */
    @Test
    void validateReportsColumnsTooNarrowForTheDeclaredSizes() {
        createSizedTable("varchar(20)", "decimal(12,1)", "decimal(11,2)", "varchar(10)");
        assertThatThrownBy(() -> db.schema().validate(Sized.class))
                .isInstanceOfSatisfying(SchemaMismatchException.class, e -> assertThat(e.differences()).satisfiesExactly(
                        d -> assertThat(d).startsWith("Table \"sized\" column \"code\" (Sized.code) is "
                                + "varchar(20), which cannot hold every String the property allows "
                                + "(@Column(length = 40)). Change the column to VARCHAR(40)"),
                        d -> assertThat(d).startsWith("Table \"sized\" column \"price\" (Sized.price) is decimal(12,1)")
                                .contains("(@Column(precision = 12, scale = 2)). Change the column to DECIMAL(12,2)"),
                        d -> assertThat(d).startsWith("Table \"sized\" column \"total\" (Sized.total) is decimal(11,2)")));
    }
}
