package io.dataport.contract;

import io.dataport.StatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Statements kept open between sessions (where the backend allows it) never change a result: the same SQL
 * gives the right rows across sessions, nested in its own iteration, after a failure, and after the schema
 * changed under it.
 */
public abstract class StatementReuseContract extends ContractSupport {
    private static final String FIND = "select name from item where id = ?";

    @BeforeEach
    void schema() {
        db.useTransaction(s -> {
            s.execute("create table item (id integer primary key, name varchar(50) not null)");
            for (int i = 1; i <= 20; i++) {
                s.execute("insert into item(id, name) values (?, ?)", i, "item-" + i);
            }
        });
    }

    @Test
    void sameSqlAcrossManySessionsReadsTheRightRows() {
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i <= 20; i++) {
                int id = i;
                assertThat(readFind(id)).isEqualTo("item-" + i);
                assertThat(writeFind(id)).isEqualTo("item-" + i);
                assertThat(sessionFind(id)).isEqualTo("item-" + i);
            }
        }
    }

    @Test
    void sameSqlInsideItsOwnIterationGetsAStatementOfItsOwn() {
        List<String> pairs = new ArrayList<>();
        db.useReadOnlyTransaction(s -> {
            try (Stream<Integer> ids = s.handle().createQuery("select id from item where id <= ? order by id")
                    .bind(0, 3).mapTo(Integer.class).stream()) {
                ids.forEach(id -> {
                    List<Integer> inner = s.handle().createQuery("select id from item where id <= ? order by id")
                            .bind(0, id).mapTo(Integer.class).list();
                    pairs.add(id + ":" + inner);
                });
            }
        });
        assertThat(pairs).containsExactly("1:[1]", "2:[1, 2]", "3:[1, 2, 3]");
        assertThat(readFind(2)).isEqualTo("item-2");
    }

    @Test
    void parametersDoNotCarryOverToTheNextUse() {
        db.useTransaction(s -> s.execute("insert into item(id, name) values (?, ?)", 21, "item-21"));
        assertThatThrownBy(() -> db.useTransaction(s -> s.execute("insert into item(id, name) values (?, ?)", 22,
                null))).isInstanceOf(StatementException.class);
        db.useTransaction(s -> s.execute("insert into item(id, name) values (?, ?)", 23, "item-23"));
        assertThat(count("item")).isEqualTo(22);
        assertThat(readFind(23)).isEqualTo("item-23");
    }

    @Test
    void addedColumnIsSeenBySelectStar() {
        assertThat(selectStar(1)).containsOnlyKeys("id", "name");
        db.useTransaction(s -> s.execute("alter table item add column color varchar(10) default 'red'"));
        assertThat(selectStar(1)).containsEntry("color", "red").containsEntry("name", "item-1");
    }

    @Test
    void tableDroppedAndCreatedAgainGivesTheNewRows() {
        assertThat(readFind(1)).isEqualTo("item-1");
        db.useTransaction(s -> {
            s.execute("drop table item");
            s.execute("create table item (name varchar(50) not null, id integer primary key)");
            s.execute("insert into item(id, name) values (?, ?)", 1, "new-1");
        });
        assertThat(readFind(1)).isEqualTo("new-1");
        assertThat(writeFind(1)).isEqualTo("new-1");
    }

    @Test
    void droppedTableFailsWithTheSameExceptionAsEver() {
        assertThat(readFind(1)).isEqualTo("item-1");
        db.useTransaction(s -> s.execute("drop table item"));
        assertThatThrownBy(() -> db.inReadOnlyTransaction(s -> find(s.handle(), 1)))
                .isInstanceOf(StatementException.class);
        db.useTransaction(s -> s.execute("create table item (id integer primary key, name varchar(50) not null)"));
        java.util.Optional<String> none = db.inReadOnlyTransaction(s -> s.handle().createQuery(FIND).bind(0, 1)
                .mapTo(String.class).findOne());
        assertThat(none).isEmpty();
    }

    private String readFind(int id) {
        return db.inReadOnlyTransaction(s -> find(s.handle(), id));
    }

    private String writeFind(int id) {
        return db.inTransaction(s -> find(s.handle(), id));
    }

    private String sessionFind(int id) {
        return db.withSession(s -> find(s.handle(), id));
    }

    private static String find(org.jdbi.v3.core.Handle h, int id) {
        return h.createQuery(FIND).bind(0, id).mapTo(String.class).one();
    }

    private Map<String, Object> selectStar(int id) {
        return db.inReadOnlyTransaction(s -> s.handle().createQuery("select * from item where id = ?").bind(0, id)
                .mapToMap().one());
    }
}
