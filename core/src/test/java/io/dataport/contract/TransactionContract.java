package io.dataport.contract;

import io.dataport.CrudRepository;
import io.dataport.Database;
import io.dataport.DataportException;
import io.dataport.EntityNotFoundException;
import io.dataport.ReadOnlyException;
import io.dataport.SessionMisuseException;
import io.dataport.Session;
import io.dataport.TransactionAbortedException;
import io.dataport.DuplicateKeyException;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Transactions commit, roll back, join, and refuse work after a failed statement: the same on every backend. */
public abstract class TransactionContract extends ContractSupport {

    @BeforeEach
    void schema() {
        createAccounts();
    }

    @Test
    void reportsItsBackend() {
        assertThat(db.backend()).isEqualTo(target().backend());
    }

    @Test
    void commitsWhenTheCallbackReturns() {
        int changed = db.inTransaction(s -> s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 1, "ada", 10));
        assertThat(changed).isEqualTo(1);
        assertThat(count("account")).isEqualTo(1);
    }

    @Test
    void rollsBackAndRethrowsTheSameException() {
        IllegalArgumentException thrown = new IllegalArgumentException("boom");
        assertThatThrownBy(() -> db.useTransaction(s -> {
            s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 1, "ada", 10);
            throw thrown;
        })).isSameAs(thrown);
        assertThat(count("account")).isZero();
    }

    @Test
    void checkedExceptionsPassThroughTheCallback() {
        assertThatThrownBy(() -> db.<Void, IOException>inTransaction(s -> {
            s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 1, "ada", 10);
            throw new IOException("disk");
        })).isInstanceOf(IOException.class).hasMessage("disk");
        assertThat(count("account")).isZero();
    }

    @Test
    void nestedTransactionJoinsTheOuterOne() {
        assertThatThrownBy(() -> db.useTransaction(outer -> {
            outer.execute("insert into account(id, owner, balance) values (?, ?, ?)", 1, "ada", 10);
            db.useTransaction(inner -> {
                assertThat(inner).isSameAs(outer);
                inner.execute("insert into account(id, owner, balance) values (?, ?, ?)", 2, "bob", 10);
            });
            throw new IllegalStateException("outer fails after inner returned");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(count("account")).as("inner work rolled back with the outer transaction").isZero();
    }

    @Test
    void jdbiTransactionInsideASessionJoinsIt() {
        db.useTransaction(s -> s.handle().useTransaction(h ->
                h.execute("insert into account(id, owner, balance) values (?, ?, ?)", 1, "ada", 10)));
        assertThat(count("account")).isEqualTo(1);
    }

    @Test
    void sessionWithoutTransactionCommitsEachStatement() {
        assertThatThrownBy(() -> db.useSession(s -> {
            assertThat(s.isInTransaction()).isFalse();
            s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 1, "ada", 10);
            throw new IllegalStateException("after the insert");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(count("account")).isEqualTo(1);
    }

    @Test
    void transactionInsideASessionRunsOnItsConnection() {
        db.useSession(s -> {
            assertThatThrownBy(() -> db.useTransaction(tx -> {
                assertThat(tx).isSameAs(s);
                tx.execute("insert into account(id, owner, balance) values (?, ?, ?)", 1, "ada", 10);
                throw new IllegalStateException("roll back");
            })).isInstanceOf(IllegalStateException.class);
            s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 2, "bob", 10);
        });
        List<Integer> ids = db.inTransaction(s -> s.handle().createQuery("select id from account").mapTo(int.class).list());
        assertThat(ids).containsExactly(2);
    }

    @Test
    void failedStatementLeavesTheTransactionUnusable() {
        db.useTransaction(s -> s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 1, "ada", 10));
        assertThatThrownBy(() -> db.useTransaction(s -> {
            s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 2, "bob", 10);
            assertThatThrownBy(() -> s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 1, "dup", 1))
                    .isInstanceOf(DuplicateKeyException.class);
            s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 3, "cy", 10);
        })).isInstanceOf(TransactionAbortedException.class);
        assertThat(count("account")).as("nothing of the failed transaction was saved").isEqualTo(1);
    }

    @Test
    void commitAfterACaughtFailureSavesNothingAndSaysSo() {
        assertThatThrownBy(() -> db.useTransaction(s -> {
            s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 1, "ada", 10);
            try {
                s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 1, "dup", 10);
            } catch (DuplicateKeyException expected) {
                // swallowed by the application: the commit must not pretend it worked
            }
        })).isInstanceOf(TransactionAbortedException.class).hasMessageContaining("rolled back");
        assertThat(count("account")).isZero();
    }

    @Test
    void rollbackToSavepointRecoversAFailedStatement() {
        db.useTransaction(s -> {
            s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 1, "ada", 10);
            s.handle().savepoint("before_dup");
            assertThatThrownBy(() -> s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 1, "dup", 1))
                    .isInstanceOf(DuplicateKeyException.class);
            s.handle().rollbackToSavepoint("before_dup");
            s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 2, "bob", 10);
        });
        assertThat(count("account")).isEqualTo(2);
    }

    @Test
    void readOnlyTransactionRefusesWrites() {
        db.useTransaction(s -> s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 1, "ada", 10));
        assertThatThrownBy(() -> db.useReadOnlyTransaction(s ->
                s.execute("update account set balance = 0 where id = ?", 1)))
                .isInstanceOf(ReadOnlyException.class);
        int balance = db.inReadOnlyTransaction(s -> s.handle()
                .createQuery("select balance from account where id = 1").mapTo(int.class).one());
        assertThat(balance).isEqualTo(10);
        int updated = db.inTransaction(s -> s.execute("update account set balance = 5 where id = ?", 1));
        assertThat(updated).isEqualTo(1);
    }

    @Test
    void readWriteTransactionCannotJoinAReadOnlyOne() {
        assertThatThrownBy(() -> db.useReadOnlyTransaction(s -> db.useTransaction(inner -> { })))
                .isInstanceOf(ReadOnlyException.class).hasMessageContaining("read-only")
                .hasMessageContaining("inTransaction instead of inReadOnlyTransaction");
    }

    @Table("ro_note")
    public record Note(@Id Long id, String body) {
    }

    @Test
    void repositoryWritesInAReadOnlyTransactionAreReadOnlyErrors() {
        db.schema().create(Note.class);
        CrudRepository<Note, Long> notes = db.repository(Note.class);
        Note kept = notes.insert(new Note(null, "kept"));
        assertThatThrownBy(() -> db.useReadOnlyTransaction(s -> notes.insert(new Note(null, "new"))))
                .isInstanceOf(ReadOnlyException.class).hasMessageContaining("read-only");
        assertThatThrownBy(() -> db.useReadOnlyTransaction(s -> notes.update(new Note(kept.id(), "changed"))))
                .isInstanceOf(ReadOnlyException.class);
        assertThatThrownBy(() -> db.useReadOnlyTransaction(s -> notes.deleteById(kept.id())))
                .isInstanceOf(ReadOnlyException.class);
        assertThat(notes.findAll()).containsExactly(kept);
    }

    @Test
    void noTempTableIsCreatedOrWrittenInAReadOnlyTransaction() {
        assertThatThrownBy(() -> db.useReadOnlyTransaction(s -> s.execute("create temporary table scratch (x integer)")))
                .isInstanceOf(ReadOnlyException.class);
        // Readers are pooled: each try may get another connection; none of them lets it through.
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> db.useReadOnlyTransaction(s -> {
                s.execute("create temporary table if not exists scratch (x integer)");
                s.execute("insert into scratch(x) values (1)");
            })).isInstanceOf(ReadOnlyException.class);
        }
    }

    /**
     * Whether a read-only transaction refuses writes to a temporary table made before it: MariaDB refuses to
     * create one there but lets it write one the connection already has (private to that connection).
     */
    protected boolean readOnlyRefusesWritesToExistingTemporaryTables() {
        return !target().backend().equals("mysql");
    }

    @Test
    void aTempTableMadeBeforeAReadOnlyTransactionIsNotWrittenInIt() {
        // One connection, so on PostgreSQL the read-only transaction runs where the table was made.
        try (Database one = target().builder().maxPoolSize(1).open()) {
            one.useTransaction(s -> {
                s.execute("create temporary table scratch (x integer)");
                s.execute("insert into scratch(x) values (1)");
            });
            if (!readOnlyRefusesWritesToExistingTemporaryTables()) {
                int written = one.inReadOnlyTransaction(s -> s.execute("insert into scratch(x) values (2)"));
                assertThat(written).as("MariaDB lets it through").isEqualTo(1);
                return;
            }
            assertThatThrownBy(() -> one.useReadOnlyTransaction(s -> s.execute("insert into scratch(x) values (2)")))
                    .isInstanceOf(DataportException.class);
            assertThatThrownBy(() -> one.useReadOnlyTransaction(s -> s.execute("update scratch set x = 3")))
                    .isInstanceOf(DataportException.class);
            // The table is still there for the read-write work after it, with its row unchanged.
            List<Integer> left = one.inTransaction(
                    s -> s.handle().createQuery("select x from scratch").mapTo(Integer.class).list());
            assertThat(left).containsExactly(1);
        }
    }

    @Test
    void innerTransactionThatThrowsLeavesTheOuterOneRollbackOnly() {
        assertThatThrownBy(() -> db.useTransaction(outer -> {
            outer.execute("insert into account(id, owner, balance) values (?, ?, ?)", 1, "ada", 10);
            try {
                db.useTransaction(inner -> {
                    inner.execute("insert into account(id, owner, balance) values (?, ?, ?)", 2, "bob", 10);
                    throw new IllegalStateException("inner fails");
                });
            } catch (IllegalStateException caught) {
                // The outer callback goes on as if nothing happened.
            }
        })).isInstanceOf(TransactionAbortedException.class).hasMessageContaining("nested transaction")
                .hasMessageContaining("savepoint");
        assertThat(count("account")).as("neither the inner nor the outer work is saved").isZero();
    }

    @Test
    void afterAFailedInnerTransactionStatementsAreRefusedUntilASavepointUndoesIt() {
        db.useTransaction(outer -> {
            outer.execute("insert into account(id, owner, balance) values (?, ?, ?)", 1, "ada", 10);
            outer.handle().savepoint("before_inner");
            try {
                db.useTransaction(inner -> {
                    inner.execute("insert into account(id, owner, balance) values (?, ?, ?)", 2, "bob", 10);
                    throw new IllegalStateException("inner fails");
                });
            } catch (IllegalStateException caught) {
                assertThatThrownBy(() -> outer.execute("select 1")).isInstanceOf(TransactionAbortedException.class)
                        .hasMessageContaining("nested transaction");
                outer.handle().rollbackToSavepoint("before_inner");
            }
            outer.execute("insert into account(id, owner, balance) values (?, ?, ?)", 3, "cy", 10);
        });
        List<Integer> ids = db.inTransaction(s -> s.handle().createQuery("select id from account order by id")
                .mapTo(int.class).list());
        assertThat(ids).as("the outer work, without the inner").containsExactly(1, 3);
    }

    @Test
    void aRepositoryErrorWithoutAFailedStatementLeavesTheTransactionUsable() {
        db.schema().create(Note.class);
        CrudRepository<Note, Long> notes = db.repository(Note.class);
        db.useTransaction(s -> {
            notes.insert(new Note(null, "a"));
            assertThatThrownBy(() -> notes.update(new Note(999L, "missing")))
                    .isInstanceOf(EntityNotFoundException.class);
            notes.insert(new Note(null, "b"));
        });
        assertThat(notes.count()).isEqualTo(2);
    }

    @Test
    void attachesSqlObjects() {
        db.useTransaction(s -> {
            AccountDao dao = s.attach(AccountDao.class);
            dao.insert(1, "ada", 10);
            dao.insert(2, "bob", 20);
            assertThat(dao.owners()).containsExactly("ada", "bob");
        });
    }

    @Test
    void pingMakesARoundTrip() {
        Duration took = db.ping();
        assertThat(took).isPositive().isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void sessionsStayOnTheirThreadAndInsideTheirCallback() throws Exception {
        Session[] leaked = new Session[1];
        db.useTransaction(s -> {
            leaked[0] = s;
            Throwable[] fromOtherThread = new Throwable[1];
            Thread other = new Thread(() -> {
                try {
                    s.execute("insert into account(id, owner, balance) values (?, ?, ?)", 9, "eve", 1);
                } catch (Throwable t) {
                    fromOtherThread[0] = t;
                }
            }, "intruder");
            other.start();
            other.join();
            assertThat(fromOtherThread[0]).isInstanceOf(SessionMisuseException.class)
                    .hasMessageContaining("intruder").hasMessageContaining("belongs to thread");
        });
        assertThatThrownBy(() -> leaked[0].execute("select 1")).isInstanceOf(SessionMisuseException.class)
                .hasMessageContaining("after its callback returned");
        assertThatThrownBy(() -> leaked[0].handle()).isInstanceOf(SessionMisuseException.class);
        assertThat(count("account")).isZero();
    }

    @Test
    void handleUsedFromAnotherThreadIsRefusedToo() throws Exception {
        db.useTransaction(s -> {
            var handle = s.handle();
            Throwable[] failure = new Throwable[1];
            Thread other = new Thread(() -> {
                try {
                    handle.execute("insert into account(id, owner, balance) values (?, ?, ?)", 9, "eve", 1);
                } catch (Throwable t) {
                    failure[0] = t;
                }
            });
            other.start();
            other.join();
            assertThat(failure[0]).isInstanceOf(SessionMisuseException.class);
        });
        assertThat(count("account")).isZero();
    }

    public interface AccountDao {
        @SqlUpdate("insert into account(id, owner, balance) values (?, ?, ?)")
        void insert(int id, String owner, int balance);

        @SqlQuery("select owner from account order by id")
        List<String> owners();
    }
}
