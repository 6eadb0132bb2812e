package io.dataport.contract;

import io.dataport.CrudRepository;
import io.dataport.DuplicateKeyException;
import io.dataport.mapping.Column;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 14: a statement fails inside a transaction (a duplicate key the application catches), then the
 * application inserts again. Every backend behaves the same way, PostgreSQL's: the later statement and the
 * commit are refused and nothing of the transaction is saved; a savepoint taken before the failing statement
 * recovers it. Each case records what happened as a trace; the trace is the same constant on every backend.
 */
@Tag(Reliability.TAG)
public abstract class StatementErrorInTransactionReliabilityContract extends ContractSupport {

    /** A person with a unique e-mail address. */
    @Table("person")
    public record Person(@Id Long id, String name, @Column(unique = true) String email) {
    }

    @Test
    void caughtDuplicateKeyThenAnotherInsertWithSql() {
        createAccounts();
        List<String> trace = new ArrayList<>();
        trace.add(outcome(() -> db.useTransaction(s -> {
            s.execute("insert into account(id, owner, balance) values (1, 'ada', 10)");
            try {
                s.execute("insert into account(id, owner, balance) values (2, 'ada', 10)");
                trace.add("duplicate accepted");
            } catch (DuplicateKeyException e) {
                trace.add("caught " + e.getClass().getSimpleName());
            }
            trace.add(outcome(() -> s.execute("insert into account(id, owner, balance) values (3, 'bob', 10)")));
        })));
        trace.add("rows=" + count("account"));
        assertThat(trace).containsExactly("caught DuplicateKeyException", "TransactionAbortedException",
                "TransactionAbortedException", "rows=0");
    }

    @Test
    void caughtDuplicateKeyThenAnotherInsertWithTheRepository() {
        db.schema().create(Person.class);
        List<String> trace = new ArrayList<>();
        trace.add(outcome(() -> db.useTransaction(s -> {
            CrudRepository<Person, Long> people = s.repository(Person.class);
            people.insert(new Person(null, "Ada", "ada@example.com"));
            trace.add(outcome(() -> people.insert(new Person(null, "Ada again", "ada@example.com"))));
            trace.add(outcome(() -> people.insert(new Person(null, "Bob", "bob@example.com"))));
        })));
        trace.add("rows=" + db.repository(Person.class).count());
        assertThat(trace).containsExactly("DuplicateKeyException", "TransactionAbortedException",
                "TransactionAbortedException", "rows=0");
    }

    @Test
    void savepointBeforeTheFailingStatementRecoversTheTransaction() {
        createAccounts();
        List<String> trace = new ArrayList<>();
        trace.add(outcome(() -> db.useTransaction(s -> {
            s.execute("insert into account(id, owner, balance) values (1, 'ada', 10)");
            s.handle().savepoint("before_insert");
            trace.add(outcome(() -> s.execute("insert into account(id, owner, balance) values (2, 'ada', 10)")));
            s.handle().rollbackToSavepoint("before_insert");
            trace.add(outcome(() -> s.execute("insert into account(id, owner, balance) values (3, 'bob', 10)")));
        })));
        trace.add("rows=" + count("account"));
        assertThat(trace).containsExactly("DuplicateKeyException", "ok", "ok", "rows=2");
    }

    interface Step {
        void run() throws Exception;
    }

    static String outcome(Step step) {
        try {
            step.run();
            return "ok";
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}
