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
