package io.dataport.mysql;

import io.dataport.Database;
import io.dataport.DuplicateKeyException;
import io.dataport.StatementException;
import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.ErrorContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MysqlErrorTest extends ErrorContract {
    private static final String SECRET = "s3cret-input-4711";

    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }

    /** MySQL quotes some input back in its messages (SQLite never does): Dataport hides it. */
    @Test
    void valuesTheServerQuotesAreHiddenInTheMessageAndTheCauses() {
        db.useTransaction(s -> s.execute("create table quoted (id integer primary key, code varchar(40) unique, "
                + "n integer)"));
        db.useTransaction(s -> s.execute("insert into quoted (id, code) values (1, ?)", SECRET));
        DuplicateKeyException duplicate = catchThrowableOfType(DuplicateKeyException.class,
                () -> db.useTransaction(s -> s.execute("insert into quoted (id, code) values (2, ?)", SECRET)));
        assertThat(messages(duplicate)).doesNotContain(SECRET)
                .contains("Duplicate entry (value hidden; Database.Builder.showParameterValues(true) shows it)")
                .as("names stay").contains("for key 'code'");
        StatementException syntax = catchThrowableOfType(StatementException.class,
                () -> db.useTransaction(s -> s.execute("insert into quoted (id, n) values (3, ?)", SECRET)));
        assertThat(messages(syntax)).doesNotContain(SECRET).contains("Incorrect integer value: (value hidden;")
                .contains("for column");
    }

    @Test
    void valuesTheServerQuotesAreShownWhenTurnedOn() {
        try (Database verbose = target().builder().showParameterValues(true).open()) {
            verbose.useTransaction(s -> s.execute("create table quoted (id integer primary key, n integer)"));
            StatementException e = catchThrowableOfType(StatementException.class,
                    () -> verbose.useTransaction(s -> s.execute("insert into quoted (id, n) values (1, ?)", SECRET)));
            assertThat(e.getMessage()).contains("'" + SECRET + "'");
        }
    }
}
