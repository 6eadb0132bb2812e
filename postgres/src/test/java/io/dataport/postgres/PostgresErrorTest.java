package io.dataport.postgres;

import io.dataport.Database;
import io.dataport.StatementException;
import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.ErrorContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PostgresErrorTest extends ErrorContract {
    private static final String SECRET = "s3cret-input-4711";

    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }

    /** PostgreSQL quotes some input back in its messages (SQLite never does): Dataport hides it. */
    @Test
    void valuesTheServerQuotesAreHiddenInTheMessageAndTheCauses() {
        StatementException syntax = catchThrowableOfType(StatementException.class,
                () -> db.useTransaction(s -> s.execute("select cast(? as integer)", SECRET)));
        assertThat(messages(syntax)).doesNotContain(SECRET)
                .contains("invalid input syntax for type integer: (value hidden; "
                        + "Database.Builder.showParameterValues(true) shows it)");
        StatementException range = catchThrowableOfType(StatementException.class,
                () -> db.useTransaction(s -> s.execute("select cast(cast(? as text) as integer)", "98765432101234")));
        assertThat(messages(range)).doesNotContain("98765432101234").contains("is out of range for type integer");
        StatementException name = catchThrowableOfType(StatementException.class,
                () -> db.useTransaction(s -> s.execute("select * from no_such_table_here")));
        assertThat(name.getMessage()).as("names stay").contains("\"no_such_table_here\"");
    }

    @Test
    void valuesTheServerQuotesAreShownWhenTurnedOn() {
        try (Database verbose = target().builder().showParameterValues(true).open()) {
            StatementException e = catchThrowableOfType(StatementException.class,
                    () -> verbose.useTransaction(s -> s.execute("select cast(? as integer)", SECRET)));
            assertThat(e.getMessage()).contains("\"" + SECRET + "\"");
        }
    }
}
