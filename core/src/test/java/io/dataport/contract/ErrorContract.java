package io.dataport.contract;

import io.dataport.ConstraintViolationException;
import io.dataport.Database;
import io.dataport.DuplicateKeyException;
import io.dataport.StatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The same failure gives the same exception type on every backend, and messages leak no bound values. */
public abstract class ErrorContract extends ContractSupport {
    private static final String EMAIL = "ada.lovelace@example.com";

    @BeforeEach
    void schema() {
        createAccounts();
        db.useTransaction(s -> s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 1, EMAIL, 10));
    }

    @Test
    void duplicatePrimaryKey() {
        assertThatThrownBy(() -> db.useTransaction(s ->
                s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 1, "other", 10)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void duplicateUniqueColumnWithoutShowingTheValue() {
        DuplicateKeyException e = catchThrowableOfType(DuplicateKeyException.class, () -> db.useTransaction(s ->
                s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 2, EMAIL, 10)));
        assertThat(e).isNotNull();
        assertThat(messages(e)).doesNotContain(EMAIL);
        assertThat(e.sql()).startsWith("insert into account");
        assertThat(e.getMessage()).contains("insert into account");
    }

    @Test
    void foreignKeyViolation() {
        assertThatThrownBy(() -> db.useTransaction(s ->
                s.execute("insert into entry(id, account_id, amount) values (?, ?, ?)", 1, 99, 5)))
                .isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void notNullViolation() {
        assertThatThrownBy(() -> db.useTransaction(s ->
                s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 2, null, 5)))
                .isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void checkViolation() {
        assertThatThrownBy(() -> db.useTransaction(s ->
                s.execute("update account set balance = ? where id = ?", -5, 1)))
                .isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void badSqlIsAStatementExceptionNamingTheSql() {
        StatementException e = catchThrowableOfType(StatementException.class, () -> db.useTransaction(s ->
                s.execute("selec oops from account")));
        assertThat(e).isNotNull().isExactlyInstanceOf(StatementException.class);
        assertThat(e.getMessage()).contains("selec oops from account");
    }

    @Test
    void unknownTableIsAStatementException() {
        assertThatThrownBy(() -> db.useTransaction(s -> s.execute("insert into nowhere(x) values (?)", 1)))
                .isExactlyInstanceOf(StatementException.class).hasMessageContaining("nowhere");
    }

    @Test
    void valuesAppearOnlyWhenTurnedOn() {
        try (Database verbose = target().builder().showParameterValues(true).open()) {
            verbose.useTransaction(s -> s.execute("create table person (email varchar(100) primary key)"));
            verbose.useTransaction(s -> s.execute("insert into person(email) values (?)", EMAIL));
            DuplicateKeyException e = catchThrowableOfType(DuplicateKeyException.class, () -> verbose.useTransaction(s ->
                    s.execute("insert into person(email) values (?)", EMAIL)));
            assertThat(e.getMessage()).contains(EMAIL);
        }
    }

    @Test
    void jdbiQueriesOnTheHandleAreTranslatedToo() {
        assertThatThrownBy(() -> db.useTransaction(s -> s.handle()
                .createUpdate("insert into account(id, owner, balance) values (:id, :owner, 1)")
                .bind("id", 1).bind("owner", "x").execute()))
                .isInstanceOf(DuplicateKeyException.class);
    }

    protected static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
            for (Throwable s : c.getSuppressed()) {
                all.append(s.getMessage()).append('\n');
            }
        }
        return all.toString();
    }
}
