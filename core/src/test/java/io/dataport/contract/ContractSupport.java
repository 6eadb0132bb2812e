package io.dataport.contract;

import io.dataport.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every contract test: a fresh database before each test, closed after it. A backend's subclass
 * only says which {@link DatabaseTarget} to use.
 */
public abstract class ContractSupport {
    protected Database db;

    /** The database the subclass tests. */
    protected abstract DatabaseTarget target();

    @BeforeEach
    void openDatabase() {
        db = target().open();
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    /**
     * Whether the backend's schema statements (DDL) roll back with their transaction: not on MySQL, which commits
     * each one by itself.
     */
    protected boolean ddlIsTransactional() {
        return !target().backend().equals("mysql");
    }

    /** An expression as text in the backend's SQL: {@code CAST(x AS TEXT)}, MySQL's {@code CAST(x AS CHAR)}. */
    protected String asText(String expression) {
        return "cast(" + expression + " as " + (target().backend().equals("mysql") ? "char" : "text") + ")";
    }

    protected int count(String table) {
        return db.inTransaction(s -> s.handle().createQuery("select count(*) from " + table).mapTo(int.class).one());
    }

    protected void createAccounts() {
        db.useTransaction(s -> {
            s.execute("create table account (id integer primary key, owner varchar(100) not null unique, "
                    + "balance integer not null check (balance >= 0))");
            s.execute("create table entry (id integer primary key, account_id integer not null references account(id), "
                    + "amount integer not null)");
        });
    }
}
